package org.taskdesk.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class WindowPlaceTest {
    @Test
    void aPlaceReadsBackAsItWasWritten() {
        WindowPlace place = new WindowPlace(120, -30, 1024, 700, true, List.of(0.2, 0.65));

        assertThat(WindowPlace.fromSetting(place.toSetting())).contains(place);
    }

    @Test
    void aSizeBelowTheMinimumGrowsToItAndDividersOutsideThePaneAreDropped() {
        assertThat(WindowPlace.fromSetting("10 20 300 200 normal 0.3 1.5 -0.1"))
                .contains(new WindowPlace(10, 20, 600, 400, false, List.of(0.3)));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "big", "1 2 3 4", "1 2 3 4 fullscreen", "1 2 wide 4 normal", "NaN 2 800 600 normal"})
    void anythingElseMeansTheDefaultPlace(String setting) {
        assertThat(WindowPlace.fromSetting(setting)).isEmpty();
    }
}
