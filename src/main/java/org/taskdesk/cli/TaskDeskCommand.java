package org.taskdesk.cli;

import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code taskdesk}: with no command, the desktop app (on the database chosen as for every command). Its subcommands
 * are added by {@link CommandRunner}, only those a command line needs ({@link Subcommands}).
 */
@Command(name = "taskdesk", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "A keyboard-first task manager that keeps your data on your computer or your own PostgreSQL server.",
        footer = {"", "The database is chosen by, highest first: --database-url, DATABASE_URL in the environment, "
                + "DATABASE_URL in ./.env, database.url in the settings file, the local default file."})
public final class TaskDeskCommand implements Callable<Integer> {
    private final Services services;
    private final ToIntFunction<String> desktopApp;

    @Spec
    CommandSpec spec;

    @Option(names = "--database-url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "postgresql://user:pass@host:5432/db?sslmode=require, jdbc:postgresql://…, jdbc:h2:… or a file path.")
    String databaseUrl;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "More detail: 'db history' shows scripts and dates; errors show their stack trace.")
    boolean verbose;

    public TaskDeskCommand(Services services, ToIntFunction<String> desktopApp) {
        this.services = services;
        this.desktopApp = desktopApp;
    }

    @Override
    public Integer call() {
        return desktopApp.applyAsInt(databaseUrl);
    }

    Services services() {
        return services;
    }

    String databaseUrl() {
        return databaseUrl;
    }

    boolean verbose() {
        return verbose;
    }
}
