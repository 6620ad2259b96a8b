package org.taskdesk.domain.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class UidsTest {
    @Test
    void aNewUidIsVersionSevenOfRfc9562() {
        UUID uid = Uids.newUid();
        assertThat(uid.version()).isEqualTo(7);
        assertThat(uid.variant()).isEqualTo(2);
        long millis = uid.getMostSignificantBits() >>> 16;
        assertThat(Math.abs(millis - System.currentTimeMillis())).isLessThan(60_000);
    }

    @Test
    void tenThousandUidsAreAllDifferent() {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(Uids.newUid());
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void aClientIdIsRandom() {
        assertThat(Uids.newClientId().version()).isEqualTo(4);
    }

    @Property(tries = 300)
    void aLaterMillisecondGivesAGreaterUidString(@ForAll @LongRange(min = 0, max = 0xffff_ffff_fffeL) long millis) {
        String earlier = Uids.at(millis).toString();
        String later = Uids.at(millis + 1).toString();
        assertThat(later).isGreaterThan(earlier);
        assertThat(Uids.at(millis).getMostSignificantBits() >>> 16).isEqualTo(millis);
    }
}
