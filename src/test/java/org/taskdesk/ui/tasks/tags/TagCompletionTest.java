package org.taskdesk.ui.tasks.tags;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.ui.common.DirectBackgroundTasks;
import org.taskdesk.ui.tasks.MainWindowFixture;
import org.taskdesk.ui.tasks.MainWindowModels;
import org.taskdesk.ui.tasks.tags.TagCompletion.Completed;
import org.taskdesk.ui.tasks.tags.TagCompletion.Suggestion;

/** Tag completion without JavaFX running: the tags of a real H2 workspace, counted as the sidebar counts them. */
class TagCompletionTest {
    @TempDir
    Path folder;

    private MainWindowFixture fixture;
    private MainWindowModels models;

    @BeforeEach
    void open() {
        fixture = new MainWindowFixture(folder);
        fixture.add("Quarterly report friday #work/reports", "Team retro #work", "Expenses #work #money",
                "Water the plants #home", "Old report #workshop");
        models = new MainWindowModels(fixture.workspace.tasks(), fixture.workspace.savedSearches(), fixture.user,
                new DirectBackgroundTasks(),
                fixture.dialogs, fixture.clock);
        models.store().load();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void typingTheStartOfATagOffersTheTagsInUseWithTheirOpenTaskCounts() {
        TagCompletion tags = models.quickAddTags();

        tags.typed("Plan #wo", 8);

        // #work counts its sub-tag's task too, as its sidebar entry and its list do.
        assertThat(tags.suggestions()).containsExactly(new Suggestion("work", 3), new Suggestion("work/reports", 1),
                new Suggestion("workshop", 1));
        assertThat(tags.chosenProperty().get()).isZero();
    }

    @Test
    void nothingIsOfferedOutsideATag() {
        TagCompletion tags = models.quickAddTags();

        tags.typed("Plan wo", 7);
        assertThat(tags.suggestions()).isEmpty();
        tags.typed("Plan #wo tomorrow", 17);
        assertThat(tags.suggestions()).isEmpty();
        tags.typed("Plan #zz", 8);
        assertThat(tags.suggestions()).isEmpty();
        assertThat(tags.chosenProperty().get()).isEqualTo(-1);
    }

    @Test
    void arrowsChooseRoundTheListAndTakingReplacesOnlyTheWordAtTheCursor() {
        TagCompletion tags = models.quickAddTags();
        tags.typed("Plan #wo tomorrow", 8);

        tags.next();
        assertThat(tags.chosenProperty().get()).isEqualTo(1);
        tags.previous();
        tags.previous();
        assertThat(tags.chosenProperty().get()).isEqualTo(2);
        tags.next();

        assertThat(tags.take()).contains(new Completed("Plan #work tomorrow", 11));
        assertThat(tags.suggestions()).isEmpty();
    }

    @Test
    void takingAtTheEndOfTheLineAddsASpaceForTheNextWord() {
        TagCompletion tags = models.quickAddTags();
        tags.typed("Plan #WORK/r", 12);

        assertThat(tags.suggestions()).containsExactly(new Suggestion("work/reports", 1));
        assertThat(tags.take()).contains(new Completed("Plan #work/reports ", 19));
    }

    @Test
    void escapeClosesTheListUntilThePersonTypesAgain() {
        TagCompletion tags = models.quickAddTags();
        tags.typed("#h", 2);
        assertThat(tags.suggestions()).containsExactly(new Suggestion("home", 1));

        tags.close();
        assertThat(tags.suggestions()).isEmpty();
        assertThat(tags.take()).isEmpty();

        tags.typed("#ho", 3);
        assertThat(tags.suggestions()).containsExactly(new Suggestion("home", 1));
    }

    @Test
    void inTheAddTagDialogTheWholeFieldIsTheTagWithOrWithoutItsHash() {
        TagCompletion tags = TagCompletion.ofWholeField(models.sidebar().tagEntries());

        tags.typed("mo", 2);
        assertThat(tags.suggestions()).containsExactly(new Suggestion("money", 1));
        tags.typed("#wor", 4);
        assertThat(tags.suggestions()).extracting(Suggestion::tag).containsExactly("work", "work/reports", "workshop");

        assertThat(tags.take(1)).contains(new Completed("work/reports", 12));
    }

    @Test
    void enterKeepsATagTypedInFullUnlessALongerOneWasChosenWithTheArrows() {
        TagCompletion tags = models.quickAddTags();

        tags.typed("Plan #work", 10);
        assertThat(tags.suggestions()).containsExactly(new Suggestion("work/reports", 1),
                new Suggestion("workshop", 1));
        assertThat(tags.takeOnEnter()).as("#work is a tag: Enter adds the task as typed").isEmpty();
        assertThat(tags.suggestions()).as("and the list is closed").isEmpty();

        tags.typed("Plan #work", 10);
        assertThat(tags.take()).as("Tab still takes the first").contains(new Completed("Plan #work/reports ", 19));

        tags.typed("Plan #work", 10);
        tags.next();
        assertThat(tags.takeOnEnter()).as("chosen with the arrows").contains(new Completed("Plan #workshop ", 15));

        tags.typed("Plan #wor", 9);
        assertThat(tags.takeOnEnter()).as("a start of a tag is completed by Enter")
                .contains(new Completed("Plan #work ", 11));
    }
}
