package org.taskdesk.migrations;

import java.util.List;

/**
 * Where a database stands: its current version (0 when nothing is applied) against the newest this program
 * knows. {@code newerVersions} lists applied versions this program does not know: the work of a newer TaskDesk.
 */
public record DatabaseStatus(String database, int current, int head, List<Integer> newerVersions) {

    public DatabaseStatus {
        newerVersions = List.copyOf(newerVersions);
    }

    public boolean isEmpty() {
        return current == 0 && newerVersions.isEmpty();
    }

    public boolean isAtHead() {
        return current == head && newerVersions.isEmpty();
    }

    public boolean isNewerThanProgram() {
        return !newerVersions.isEmpty();
    }

    /** The newest version recorded in the database, known or not. */
    public int newestApplied() {
        return newerVersions.stream().mapToInt(Integer::intValue).max().orElse(current);
    }
}
