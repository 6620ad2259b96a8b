package org.taskdesk.persistence.schema;

/**
 * One schema version as shipped: its upgrade script (inside Flyway's locations) and its downgrade script
 * (outside them, so Flyway never runs it), both as classpath resource paths.
 */
public record MigrationScript(int version, String description, String upgradeResource, String downgradeResource) {
}
