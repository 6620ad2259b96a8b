package org.taskdesk.cli;

/**
 * The composition root as the command line sees it: it makes the {@link Services} of one command line once its
 * {@code --database-url} is known, and resolves the configuration then, once.
 */
@FunctionalInterface
public interface ServicesFactory {
    /** The services on the database {@code databaseUrl} (the {@code --database-url} value, may be null) chooses. */
    Services forDatabaseUrl(String databaseUrl);
}
