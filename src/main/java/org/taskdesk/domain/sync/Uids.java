package org.taskdesk.domain.sync;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Ids made where a task or completion is made, that never collide between devices: UUID version 7 (RFC 9562),
 * whose first 48 bits are the time in milliseconds, so that new rows land at the end of an index rather than all
 * over it. The integer ids stay local and never travel.
 */
public final class Uids {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Uids() {
    }

    public static UUID newUid() {
        return at(System.currentTimeMillis());
    }

    /** A version 7 UUID of the moment {@code epochMillis}, with 74 random bits. */
    static UUID at(long epochMillis) {
        long randomA = RANDOM.nextLong();
        long randomB = RANDOM.nextLong();
        long most = (epochMillis & 0xffff_ffff_ffffL) << 16 | 0x7000L | (randomA & 0x0fffL);
        long least = (randomB & 0x3fff_ffff_ffff_ffffL) | 0x8000_0000_0000_0000L;
        return new UUID(most, least);
    }

    /** A new replica's client id: version 4, random throughout (it orders nothing). */
    public static UUID newClientId() {
        return UUID.randomUUID();
    }
}
