package org.taskdesk.persistence.database;

/** The two database engines TaskDesk runs on. Each has its own migration folder beside the common one. */
public enum DatabaseKind {
    H2("h2"),
    POSTGRESQL("postgresql");

    private final String folderName;

    DatabaseKind(String folderName) {
        this.folderName = folderName;
    }

    /** The name of this kind's folder under {@code db/migration} and {@code db/downgrade}. */
    public String folderName() {
        return folderName;
    }
}
