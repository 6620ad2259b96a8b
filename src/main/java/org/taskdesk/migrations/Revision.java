package org.taskdesk.migrations;

/**
 * A schema version this program knows, with the parent it follows (0 is base) and its script files.
 */
public record Revision(int version, int parent, String description, String upgradeScript, String downgradeScript) {

    /** "1" or "&lt;base&gt;": Alembic's way of naming a version in output. */
    public static String label(int version) {
        return version == 0 ? "<base>" : String.valueOf(version);
    }
}
