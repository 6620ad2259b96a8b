package org.taskdesk.domain;

/**
 * What kind of failure a {@link TaskDeskException} is. Each code maps to one exit code of the command line,
 * so scripts can tell "fix your input" apart from "the server is down" without parsing messages.
 */
public enum ErrorCode {
    /** The user typed something we cannot use: a bad argument, a bad value. */
    INVALID_INPUT(2),
    /** The database URL or a setting is malformed or names something we do not support. */
    BAD_CONFIGURATION(3),
    /** The database cannot be reached or opened: host down or not answering, wrong password, missing database. */
    DATABASE_UNAVAILABLE(4),
    /** A migration failed; the database was left as it was before. */
    MIGRATION_FAILED(5),
    /** The database schema and this program disagree: newer database, entity/migration mismatch. */
    SCHEMA_MISMATCH(6),
    /** What the user asked for does not exist (for them). */
    NOT_FOUND(7),
    /** Signing in failed or is not allowed right now. */
    NOT_AUTHORIZED(8),
    /** The local database file is held by another program (another TaskDesk, say): nothing was read or written. */
    DATABASE_IN_USE(9),
    /** The disk holding the database is full: the change was not saved, and nothing saved before was lost. */
    DISK_FULL(10),
    /**
     * The local database file exists but cannot be used as it is (empty, truncated, not an H2 file, a folder,
     * unreadable, someone else's): it was neither replaced nor written; a backup copy may restore it.
     */
    DATABASE_DAMAGED(11),
    /** A bug or an environment problem we did not foresee. */
    INTERNAL(70);

    private final int exitCode;

    ErrorCode(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
