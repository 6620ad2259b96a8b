package org.taskdesk.persistence.secrets;

import com.github.javakeyring.Keyring;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Session tokens in the operating system's keyring (GNOME Keyring / KWallet through the Secret Service, macOS
 * Keychain, Windows Credential Manager), falling back to an owner-only file where there is none.
 */
public final class KeyringTokenStore implements SessionTokenStore {
    private static final Logger LOG = LoggerFactory.getLogger(KeyringTokenStore.class);
    private static final String SERVICE = "TaskDesk";

    private final SessionTokenStore fallback;
    private volatile Keyring keyring;
    private volatile boolean unavailable;

    public KeyringTokenStore(SessionTokenStore fallback) {
        this.fallback = fallback;
    }

    @Override
    public Optional<String> load(String database) {
        Keyring ring = keyring();
        if (ring != null) {
            try {
                String token = ring.getPassword(SERVICE, database);
                if (token != null) {
                    return Optional.of(token);
                }
                // Not in the keyring: it may have gone to the file when the keyring refused it.
            } catch (Exception e) {
                LOG.debug("No token in the keyring for {}", database, e);
            }
        }
        return fallback.load(database);
    }

    @Override
    public void save(String database, String token) {
        Keyring ring = keyring();
        if (ring != null) {
            try {
                ring.setPassword(SERVICE, database, token);
                return;
            } catch (Exception e) {
                LOG.warn("The keyring refused the session token; keeping it in an owner-only file instead", e);
            }
        }
        fallback.save(database, token);
    }

    @Override
    public void forget(String database) {
        Keyring ring = keyring();
        if (ring != null) {
            try {
                ring.deletePassword(SERVICE, database);
            } catch (Exception e) {
                LOG.debug("No token to delete in the keyring for {}", database, e);
            }
        }
        fallback.forget(database);
    }

    private Keyring keyring() {
        if (unavailable) {
            return null;
        }
        if (keyring == null) {
            try {
                keyring = Keyring.create();
            } catch (Exception | LinkageError e) {
                LOG.info("No system keyring here ({}); remembered sessions go to an owner-only file", e.toString());
                unavailable = true;
                return null;
            }
        }
        return keyring;
    }
}
