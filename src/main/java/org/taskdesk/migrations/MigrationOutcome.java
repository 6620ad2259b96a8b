package org.taskdesk.migrations;

/**
 * What an upgrade, downgrade or stamp did: the versions before and after, and a notice for the user when it
 * did nothing, e.g. "already past 1".
 */
public record MigrationOutcome(int from, int to, String notice) {

    public boolean changedSomething() {
        return from != to;
    }
}
