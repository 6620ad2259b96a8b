package org.taskdesk.domain.accounts;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;

/**
 * What a valid account looks like. Passwords are limited to 72 bytes because bcrypt reads no further: a longer
 * one is refused rather than silently cut, so that what the person typed is what protects the account.
 */
public final class AccountRules {
    public static final int NAME_MAX = 100;
    public static final int EMAIL_MAX = 255;
    public static final int PASSWORD_MIN_BYTES = 8;
    public static final int PASSWORD_MAX_BYTES = 72;
    /** Deliberately loose: one @, something on each side, a dot in the domain, no spaces. Delivery is the real test. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private AccountRules() {
    }

    /** The email as stored and compared: trimmed and lower-cased. */
    public static String email(String email) {
        String normalised = normaliseEmail(email);
        if (normalised.isEmpty()) {
            throw invalid("Enter your email address.");
        }
        // Characters (code points), as PostgreSQL counts varchar(255); H2's column is wide enough (migration 7).
        if (normalised.codePointCount(0, normalised.length()) > EMAIL_MAX || !EMAIL.matcher(normalised).matches()) {
            throw invalid("'" + email.strip() + "' is not an email address: write it like ann@example.com.");
        }
        return normalised;
    }

    /**
     * An email as stored and compared, without checking its form: for signing in, where any text is simply an
     * unknown account. Done here, not by the database, whose lower() follows its own locale.
     */
    public static String normaliseEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    /** The display name, trimmed: 1 to 100 characters. */
    public static String name(String name) {
        String trimmed = name == null ? "" : name.strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length == 0) {
            throw invalid("Enter your name.");
        }
        if (length > NAME_MAX) {
            throw invalid("Your name is " + length + " characters long; keep it to " + NAME_MAX + " or fewer.");
        }
        return trimmed;
    }

    /** Checks a new password: 8 to 72 bytes of UTF-8. */
    public static void newPassword(String password) {
        int bytes = password == null ? 0 : password.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < PASSWORD_MIN_BYTES) {
            throw invalid("The password is too short: use at least " + PASSWORD_MIN_BYTES + " characters.");
        }
        if (bytes > PASSWORD_MAX_BYTES) {
            throw invalid("The password is " + bytes + " bytes long; the limit is " + PASSWORD_MAX_BYTES
                    + " bytes (letters like é or emoji take 2 to 4 each). Choose a shorter one.");
        }
    }

    private static TaskDeskException invalid(String message) {
        return new TaskDeskException(ErrorCode.INVALID_INPUT, message);
    }
}
