package org.taskdesk.migrations;

import java.time.Instant;

/** A version the database records as applied: when and by whom. */
public record AppliedRevision(int version, Instant installedOn, String installedBy) {
}
