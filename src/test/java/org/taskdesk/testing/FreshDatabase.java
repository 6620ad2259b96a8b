package org.taskdesk.testing;

import java.nio.file.Path;
import org.taskdesk.persistence.database.DatabaseKind;

/** A new, empty database of either kind, named the way a user would name it on the command line. */
public final class FreshDatabase {
    private FreshDatabase() {
    }

    public static String url(DatabaseKind kind, Path folder) {
        return kind == DatabaseKind.H2 ? folder.resolve("fresh-" + System.nanoTime()).resolve("tasks.mv.db").toString()
                : TestPostgres.newDatabaseUrl();
    }
}
