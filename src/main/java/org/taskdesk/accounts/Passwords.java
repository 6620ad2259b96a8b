package org.taskdesk.accounts;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import org.taskdesk.domain.accounts.AccountRules;

/**
 * bcrypt in the {@code $2a$} form, the one PostgreSQL's pgcrypto recognises ({@code $2b$}/{@code $2y$} make its
 * crypt() silently return false), so both modes verify the very same hashes. Cost 12 by default.
 */
public final class Passwords {
    public static final int DEFAULT_COST = 12;

    /**
     * Salt and digest of a fixed bcrypt hash (of "decoy password that matches nothing"). Prefixed with any cost it
     * is a well-formed hash that verifies at that cost's speed and matches no password: a decoy for free, where
     * hashing one at start-up took half a second at cost 12, before every command and the window.
     */
    private static final String DECOY_SALT_AND_DIGEST = "SfUFmPkDfzBF7onUrGBoM.C.017Dd4UaV7Y57zhL51QypLzz3e0f2";

    private final int cost;
    /** Checked against when the email is unknown, so that an unknown email takes as long as a wrong password. */
    private final String decoy;

    public Passwords(int cost) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("bcrypt cost must be 4 to 31, was " + cost);
        }
        this.cost = cost;
        this.decoy = String.format("$2a$%02d$%s", cost, DECOY_SALT_AND_DIGEST);
    }

    public String hash(String password) {
        AccountRules.newPassword(password);
        return BCrypt.with(BCrypt.Version.VERSION_2A).hashToString(cost, password.toCharArray());
    }

    public boolean matches(String password, String hash) {
        byte[] bytes = password == null ? new byte[0] : password.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > AccountRules.PASSWORD_MAX_BYTES) {
            return false; // bcrypt would read only the first 72 bytes: such a password was never accepted
        }
        return BCrypt.verifyer().verify(bytes, hash.getBytes(StandardCharsets.UTF_8)).verified;
    }

    /** The hash {@link #matchNothing} checks against; for tests. */
    String decoyHash() {
        return decoy;
    }

    /** Spends the time of one check, for an unknown email. */
    public void matchNothing(String password) {
        matches(password, decoy);
    }
}
