package org.taskdesk.persistence.secrets;

import java.util.Optional;

/** Where "keep me signed in" keeps the session token (never the password), one per database. */
public interface SessionTokenStore {
    Optional<String> load(String database);

    void save(String database, String token);

    void forget(String database);
}
