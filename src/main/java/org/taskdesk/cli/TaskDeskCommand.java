package org.taskdesk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code taskdesk}: with no command, the desktop app (on the database chosen as for every command), which the
 * caller of {@link CommandRunner} opens. Its subcommands are added by {@link CommandRunner}, only those a command
 * line needs ({@link Subcommands}).
 */
@Command(name = "taskdesk", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "A keyboard-first task manager that keeps your data on your computer or your own PostgreSQL server.",
        footer = {"", "The database is chosen by, highest first: --database-url, DATABASE_URL in the environment, "
                + "DATABASE_URL in ./.env, database.url in the settings file, the local default file."})
public final class TaskDeskCommand implements Callable<Integer> {
    private final ServicesFactory servicesFactory;
    private Services services;
    private boolean opensWindow;

    @Spec
    CommandSpec spec;

    @Option(names = "--database-url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "postgresql://user:pass@host:5432/db?sslmode=require, jdbc:postgresql://…, jdbc:h2:… or a file path.")
    String databaseUrl;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "More detail: 'db history' shows scripts and dates; errors show their stack trace.")
    boolean verbose;

    public TaskDeskCommand(ServicesFactory servicesFactory) {
        this.servicesFactory = servicesFactory;
    }

    /** No command was named: the window is asked for, on {@link #databaseUrl()}. */
    @Override
    public Integer call() {
        opensWindow = true;
        return 0;
    }

    boolean opensWindow() {
        return opensWindow;
    }

    /** The services on the database this command line chose: made once, after its options are parsed. */
    Services services() {
        if (services == null) {
            services = servicesFactory.forDatabaseUrl(databaseUrl);
        }
        return services;
    }

    String databaseUrl() {
        return databaseUrl;
    }

    boolean verbose() {
        return verbose;
    }
}
