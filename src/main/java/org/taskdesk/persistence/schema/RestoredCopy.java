package org.taskdesk.persistence.schema;

import java.nio.file.Path;

/** A restore done: the database file, the copy now in its place, and where the file that was there went (or null). */
record RestoredCopy(Path database, Path copy, Path keptAside) {
}
