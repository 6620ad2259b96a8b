package org.taskdesk.app;

import java.util.Optional;
import org.taskdesk.persistence.secrets.SessionTokenStore;
import org.taskdesk.sync.SyncTokens;

/**
 * Sync's server sessions in a store of remembered sessions. The app and {@code taskdesk sync} use the same store
 * and the same keys, so a link made in one syncs in the other.
 */
final class SyncSessions implements SyncTokens {
    private final SessionTokenStore store;

    SyncSessions(SessionTokenStore store) {
        this.store = store;
    }

    @Override
    public Optional<String> load(String key) {
        return store.load(key);
    }

    @Override
    public void save(String key, String token) {
        store.save(key, token);
    }

    @Override
    public void forget(String key) {
        store.forget(key);
    }
}
