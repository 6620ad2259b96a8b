package org.taskdesk.domain.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QuotedInputTest {

    @Test
    void controlCharactersAreShownAndEverythingElseIsKept() {
        assertThat(QuotedInput.quoted("a\nb\r\tc\u0007 é ✓ \"x\" \\n")).isEqualTo("\"a\\nb\\r\\tc\\u0007 é ✓ \"x\" \\n\"");
        assertThat(QuotedInput.quoted(null)).isEqualTo("\"\"");
    }

    @Test
    void refusalsThatQuoteWhatWasTypedStayOnOneLine() {
        assertThatThrownBy(() -> RecurrenceRule.parse("FREQ=DAILY;BY\nDAY=MO"))
                .hasMessageStartingWith("Repeat rule \"FREQ=DAILY;BY\\nDAY=MO\" cannot be used: ")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> Priority.parse("hi\ngh"))
                .hasMessage("Unknown priority \"hi\\ngh\"; use high, medium, low or none.");
        assertThatThrownBy(() -> Tags.of("home\nwork"))
                .hasMessage("Tag \"home\\nwork\" contains \"\\n\"; use only letters, digits, -, _ and /.");
    }
}
