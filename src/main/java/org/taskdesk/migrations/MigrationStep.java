package org.taskdesk.migrations;

/** One step of an upgrade or downgrade, as it starts. */
public record MigrationStep(boolean upgrade, int from, int to, String description) {

    /** Alembic's line for it: {@code Running upgrade 1 -> 2, create tasks table}. */
    public String describe() {
        return "Running " + (upgrade ? "upgrade " : "downgrade ") + Revision.label(from) + " -> "
                + Revision.label(to) + ", " + description;
    }
}
