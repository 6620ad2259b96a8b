package org.taskdesk.domain.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PriorityTest {

    @Test
    void noneIsStoredAsNullAndOthersAsLowerCaseWords() {
        assertThat(Priority.NONE.storedValue()).isNull();
        assertThat(Priority.LOW.storedValue()).isEqualTo("low");
        assertThat(Priority.MEDIUM.storedValue()).isEqualTo("medium");
        assertThat(Priority.HIGH.storedValue()).isEqualTo("high");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void missingStoredValueMeansNoPriority(String stored) {
        assertThat(Priority.fromStored(stored)).isEqualTo(Priority.NONE);
    }

    @Test
    void everyPriorityRoundTripsThroughItsStoredValue() {
        for (Priority p : Priority.values()) {
            assertThat(Priority.fromStored(p.storedValue())).isEqualTo(p);
        }
    }

    @Test
    void unknownStoredValueIsRefusedWithTheValueInTheMessage() {
        assertThatThrownBy(() -> Priority.fromStored("urgent"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"urgent\"");
    }

    @ParameterizedTest
    @CsvSource({"low,LOW", "LOW,LOW", "med,MEDIUM", "Medium,MEDIUM", "HIGH,HIGH", "none,NONE", "' high ',HIGH"})
    void userWordsAreReadInAnyCase(String text, Priority expected) {
        assertThat(Priority.parse(text)).isEqualTo(expected);
    }

    @Test
    void unknownUserWordIsRefusedWithTheAcceptedWords() {
        assertThatThrownBy(() -> Priority.parse("urgent"))
                .isInstanceOf(InvalidTaskException.class)
                .hasMessage("Unknown priority \"urgent\"; use high, medium, low or none.");
    }
}
