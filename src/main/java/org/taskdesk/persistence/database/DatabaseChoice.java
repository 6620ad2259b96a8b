package org.taskdesk.persistence.database;

/**
 * The database TaskDesk will use and where that choice came from, so messages can say
 * "from DATABASE_URL in .env" when the URL turns out to be wrong.
 */
public record DatabaseChoice(DatabaseTarget target, String source) {

    /** Whether nothing chose a database, so the default local file is used. */
    public boolean isDefault() {
        return source.equals(DatabaseLocator.DEFAULT_SOURCE);
    }
}
