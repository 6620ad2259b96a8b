package org.taskdesk.persistence.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.taskdesk.domain.sync.FieldClocks;
import org.taskdesk.domain.sync.HybridClock;

/**
 * The clock of a linked account's replica for one transaction: the device clock plus the offset learned from the
 * server, going on from the last stamp saved in {@code sync_link}, so that stamps keep growing across program runs.
 */
final class LinkedClock {
    private final UUID clientId;
    private final HybridClock clock;

    private LinkedClock(UUID clientId, HybridClock clock) {
        this.clientId = clientId;
        this.clock = clock;
    }

    /** The clock of {@code owner}'s link; empty when the account is not linked. */
    static Optional<LinkedClock> of(Connection connection, int owner, Clock device) throws SQLException {
        try (PreparedStatement query = SyncJournal.prepare(connection,
                "SELECT client_id, clock_offset_ms, last_stamp FROM sync_link WHERE user_id = ?", owner);
             ResultSet result = query.executeQuery()) {
            if (!result.next()) {
                return Optional.empty();
            }
            UUID clientId = result.getObject(1, UUID.class);
            HybridClock clock = new HybridClock(clientId.toString(), device::millis, result.getLong(2));
            String last = result.getString(3);
            if (last != null) {
                clock.receive(last);
            }
            return Optional.of(new LinkedClock(clientId, clock));
        }
    }

    UUID clientId() {
        return clientId;
    }

    HybridClock clock() {
        return clock;
    }

    /** Takes in a task's field stamps, so that an edit's stamp is after every stamp its field had. */
    void receiveAll(FieldClocks clocks) {
        clocks.asMap().values().forEach(clock::receive);
    }

    /** Saves the clock (its last stamp and offset) in the same transaction as the stamps it made. */
    void save(Connection connection, int owner) throws SQLException {
        SyncJournal.execute(connection, "UPDATE sync_link SET last_stamp = ?, clock_offset_ms = ? WHERE user_id = ?",
                clock.stamp(), clock.offsetMillis(), owner);
    }
}
