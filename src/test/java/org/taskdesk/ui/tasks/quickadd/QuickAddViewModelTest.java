package org.taskdesk.ui.tasks.quickadd;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** What the quick-add bar shows while typing, without a database or JavaFX; Saturday 21 November 2026, 11:00. */
class QuickAddViewModelTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneId.of("Europe/Berlin"));
    private final QuickAddViewModel quickAdd = new QuickAddViewModel(null, null, clock);

    @Test
    void aDayFurtherOffAlsoSaysWhichDayItIs() {
        quickAdd.textProperty().set("Dentist 2026-11-27 !low");
        assertThat(quickAdd.chips()).extracting(QuickAddChip::text).containsExactly("in 6 days (Fri 27 Nov)", "Low priority");
        assertThat(quickAdd.titleProperty().get()).isEqualTo("Dentist");
    }

    @Test
    void aBlankLineShowsNothing() {
        quickAdd.textProperty().set("Dentist tomorrow");
        quickAdd.textProperty().set("  ");
        assertThat(quickAdd.chips()).isEmpty();
        assertThat(quickAdd.titleProperty().get()).isEmpty();
    }

    @Test
    void clickingAChipGivesItsWordsBackToTheTitle() {
        quickAdd.textProperty().set("Watch Friday night #tv");
        assertThat(quickAdd.titleProperty().get()).isEqualTo("Watch Friday night");

        quickAdd.textProperty().set("Call mum tomorrow 9am");
        QuickAddChip date = quickAdd.chips().get(0);
        quickAdd.giveBack(date);

        assertThat(quickAdd.titleProperty().get()).isEqualTo("Call mum tomorrow");
        assertThat(quickAdd.chips()).extracting(QuickAddChip::text).containsExactly("09:00");
    }

    @Test
    void wordsGivenBackStayTitleWhileTypingGoesOn() {
        quickAdd.textProperty().set("Plan friday");
        quickAdd.giveBack(quickAdd.chips().get(0));
        quickAdd.textProperty().set("Plan friday #work");
        assertThat(quickAdd.titleProperty().get()).isEqualTo("Plan friday");
        assertThat(quickAdd.chips()).extracting(QuickAddChip::text).containsExactly("#work");

        quickAdd.textProperty().set("Big Plan friday #work"); // typed before it: the word moved, still given back
        assertThat(quickAdd.titleProperty().get()).isEqualTo("Big Plan friday");
    }

    @Test
    void aClearedLineForgetsWhatWasGivenBack() {
        quickAdd.textProperty().set("Plan friday");
        quickAdd.giveBack(quickAdd.chips().get(0));
        quickAdd.textProperty().set("");
        quickAdd.textProperty().set("Plan friday");
        assertThat(quickAdd.titleProperty().get()).isEqualTo("Plan");
    }

    @Test
    void anOverLongTitleIsMarkedWhileTypingWithItsCount() {
        quickAdd.textProperty().set("x".repeat(200) + " tomorrow #home");
        assertThat(quickAdd.titleErrorProperty().get()).isEmpty();

        quickAdd.textProperty().set("😀".repeat(201) + " tomorrow #home"); // an emoji is one character
        assertThat(quickAdd.titleErrorProperty().get())
                .isEqualTo("The title is 201 characters long; keep it to 200 or fewer.");

        quickAdd.textProperty().set("Short tomorrow");
        assertThat(quickAdd.titleErrorProperty().get()).isEmpty();
    }
}
