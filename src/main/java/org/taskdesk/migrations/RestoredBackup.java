package org.taskdesk.migrations;

import java.nio.file.Path;

/** A restore done: the database file, the copy put in its place, and where the file that was there went (or null). */
public record RestoredBackup(Path database, Path copy, Path keptAside) {

    /** One line for the user: what was restored and where the old file is. */
    public String describe() {
        return "Restored " + database + " from " + copy + "; "
                + (keptAside == null ? "there was no file there before." : "the file that was there is now " + keptAside + ".");
    }
}
