package org.taskdesk.domain.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldClocksTest {
    private static final String A = HybridClock.format(1_795_860_000_000L, 0, "server");
    private static final String B = HybridClock.format(1_795_860_000_001L, 3, "0f3c5a8e-1d2b-4c6a-9e7f-123456789abc");

    @Test
    void stampsGoToJsonTextAndBack() {
        FieldClocks clocks = FieldClocks.NONE.with(SyncField.TITLE, A).with(SyncField.DUE, B);
        assertThat(clocks.toJson()).isEqualTo("{\"title\":\"" + A + "\",\"due\":\"" + B + "\"}");
        assertThat(FieldClocks.parse(clocks.toJson())).isEqualTo(clocks);
        assertThat(FieldClocks.parse(clocks.toJson()).of(SyncField.DUE)).isEqualTo(B);
    }

    @Test
    void unknownFieldsAndNonStampsAreLeftOutAndNoTextIsNoStamps() {
        FieldClocks read = FieldClocks.parse("{\"title\": \"" + A + "\", \"colour\": \"" + B + "\", \"tags\": \"x\"}");
        assertThat(read.asMap()).containsOnlyKeys(SyncField.TITLE);
        assertThat(FieldClocks.parse(null).of(SyncField.TITLE)).isNull();
        assertThat(FieldClocks.parse("").asMap()).isEmpty();
    }
}
