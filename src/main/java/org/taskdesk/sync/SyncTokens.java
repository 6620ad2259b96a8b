package org.taskdesk.sync;

import java.util.Optional;

/** Where the server session of a link is kept between rounds: the system keyring, else an owner-only file. */
public interface SyncTokens {
    Optional<String> load(String key);

    void save(String key, String token);

    void forget(String key);
}
