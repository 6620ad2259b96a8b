package org.taskdesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.migrations.BackupCopy;
import org.taskdesk.migrations.DatabaseStatus;
import org.taskdesk.migrations.HistoryEntry;
import org.taskdesk.migrations.MigrationOutcome;
import org.taskdesk.migrations.MigrationService;
import org.taskdesk.migrations.Revision;
import org.taskdesk.migrations.SchemaDifference;
import org.taskdesk.migrations.WrittenRevision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code taskdesk db}: Alembic's migration commands, with the same meaning and the same kind of output. */
@Command(name = "db", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Migrate the database schema: Alembic's commands on top of Flyway.",
        synopsisSubcommandLabel = "COMMAND")
final class DbCommand {
    private static final String APPLIED = "yyyy-MM-dd HH:mm:ss";

    @ParentCommand
    TaskDeskCommand root;

    @Spec
    CommandSpec spec;

    @Command(name = "current", mixinStandardHelpOptions = true, description = "Show the database's current revision.")
    int current() {
        DatabaseStatus status = migrations().status();
        if (status.isNewerThanProgram()) {
            out().println(status.newestApplied() + " (newer than this TaskDesk, which knows up to " + status.head() + ")");
        } else if (status.isEmpty()) {
            out().println("No revision: " + status.database() + " is empty or does not exist yet. "
                    + "'taskdesk db upgrade head' creates the schema.");
        } else {
            out().println(status.current() + (status.isAtHead() ? " (head)" : ""));
        }
        return 0;
    }

    @Command(name = "history", mixinStandardHelpOptions = true, description = "List the revisions, newest first.")
    int history() {
        // Alembic's "history --verbose" is the program-wide --verbose: more detail, here each revision's scripts.
        boolean verbose = root.verbose();
        List<HistoryEntry> entries = migrations().history();
        // Made here, not when the class loads: looking up the zone costs 'db current' a third of a second (ADR 0035).
        DateTimeFormatter applied = DateTimeFormatter.ofPattern(APPLIED).withZone(ZoneId.systemDefault());
        PrintWriter out = out();
        for (HistoryEntry entry : entries) {
            Revision revision = entry.revision();
            String marks = (entry.head() ? " (head)" : "") + (entry.current() ? " (current)" : "");
            if (!verbose) {
                out.println(Revision.label(revision.parent()) + " -> " + revision.version() + marks + ", "
                        + revision.description());
                continue;
            }
            out.println("Rev: " + revision.version() + marks);
            out.println("Parent: " + Revision.label(revision.parent()));
            out.println("Path: " + revision.upgradeScript());
            out.println("Downgrade: " + (revision.downgradeScript() == null ? "(none)" : revision.downgradeScript()));
            out.println("Applied: " + (entry.applied()
                    ? (entry.appliedOn() == null ? "yes" : applied.format(entry.appliedOn()))
                    + (entry.appliedBy() == null ? "" : " by " + entry.appliedBy()) : "no"));
            out.println();
            out.println("    " + revision.description());
            out.println();
        }
        return 0;
    }

    @Command(name = "heads", mixinStandardHelpOptions = true, description = "Show the newest revision.")
    int heads() {
        for (Revision head : migrations().heads()) {
            out().println(head.version() + " (head), " + head.description());
        }
        return 0;
    }

    @Command(name = "upgrade", mixinStandardHelpOptions = true,
            description = "Upgrade to a later revision: head (default), a version, or +N steps.")
    int upgrade(@Parameters(arity = "0..1", paramLabel = "REVISION", defaultValue = "head",
                        description = "head, a version such as 2, +N; with --sql also FROM:TO") String target,
                @Option(names = "--sql", description = "Print the SQL instead of running it; touches nothing.")
                boolean sql) {
        MigrationService migrations = migrations();
        if (sql) {
            out().print(migrations.upgradeSql(target));
            return 0;
        }
        report(migrations.upgrade(target, step -> out().println(step.describe())));
        return 0;
    }

    @Command(name = "downgrade", mixinStandardHelpOptions = true,
            description = "Revert to an earlier revision: base, a version, or -N steps.")
    int downgrade(@Parameters(paramLabel = "REVISION", description = "base, a version such as 1, -N; with --sql also FROM:TO")
                  String target,
                  @Option(names = "--sql", description = "Print the SQL instead of running it; touches nothing.")
                  boolean sql,
                  @Option(names = "--yes", description = "Confirm a downgrade that drops tables holding rows "
                          + "(tasks, accounts…): without it, such a downgrade changes nothing and says what it would remove.")
                  boolean yes) {
        MigrationService migrations = migrations();
        if (sql) {
            out().print(migrations.downgradeSql(target));
            return 0;
        }
        report(migrations.downgrade(target, yes, step -> out().println(step.describe())));
        return 0;
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = "List the copies of the local database taken before its schema changes "
                    + "(newest first), or put one back; the file it replaces is kept beside it under a new name.")
    int restore(@Parameters(arity = "0..1", paramLabel = "BACKUP",
                        description = "a copy's name from the list, or the path of a copy") String copy) {
        MigrationService migrations = migrations();
        if (copy != null) {
            out().println(migrations.restore(copy).describe());
            return 0;
        }
        List<BackupCopy> copies = migrations.backupCopies();
        if (copies.isEmpty()) {
            out().println("No copies yet: TaskDesk takes one before every upgrade or downgrade of a local database.");
            return 0;
        }
        for (BackupCopy backup : copies) {
            out().println(backup.name() + "  " + backup.takenText() + "  " + (backup.usable()
                    ? "version " + Revision.label(backup.version()) : "unusable: " + backup.problem()));
        }
        out().println("Restore one with 'taskdesk db restore NAME'.");
        return 0;
    }

    @Command(name = "stamp", mixinStandardHelpOptions = true,
            description = "Record the database as being at a revision without running any script.")
    int stamp(@Parameters(paramLabel = "REVISION", description = "head, base or a version") String target) {
        MigrationOutcome outcome = migrations().stamp(target);
        if (outcome.notice() != null) {
            out().println(outcome.notice());
        } else {
            out().println("Stamped " + Revision.label(outcome.from()) + " -> " + Revision.label(outcome.to()));
        }
        return 0;
    }

    @Command(name = "revision", mixinStandardHelpOptions = true,
            description = "Write a new, empty migration (or, with --autogenerate, the entities' changes).")
    int revision(@Option(names = {"-m", "--message"}, required = true, description = "What the migration does.") String message,
                 @Option(names = "--autogenerate", description = "Compare the entities with the migrations and write the difference.")
                 boolean autogenerate,
                 @Option(names = "--migrations-dir", paramLabel = "DIR",
                         description = "The folder holding migration/ and downgrade/ (default: src/main/resources/db).")
                 Path folder) {
        Path target = folder != null ? folder : root.services().defaultMigrationsFolder();
        WrittenRevision written = autogenerate
                ? root.services().autogenerate(message, target)
                : root.services().revisions().create(message, target);
        written.notices().forEach(notice -> out().println(notice));
        if (written.files().isEmpty()) {
            out().println("No changes detected");
            return 0;
        }
        for (Path file : written.files()) {
            out().println("Generating " + file + " ... done");
        }
        return 0;
    }

    @Command(name = "check", mixinStandardHelpOptions = true, description = "Fail when the entities need changes that no migration makes.")
    int check() {
        List<SchemaDifference> differences = root.services().compareSchema();
        boolean clean = true;
        for (SchemaDifference difference : differences) {
            if (difference.isEmpty()) {
                out().println(difference.databaseKind() + ": no changes detected");
                continue;
            }
            clean = false;
            out().println(difference.databaseKind() + ": the entities need changes that no migration makes:");
            difference.statements().forEach(statement -> out().println("    " + statement + ";"));
        }
        if (differences.stream().noneMatch(difference -> difference.databaseKind().equals("postgresql"))) {
            out().println("postgresql: not compared (pass --database-url with a PostgreSQL database at head)");
        }
        if (!clean) {
            throw new TaskDeskException(ErrorCode.SCHEMA_MISMATCH, "Entities and migrations disagree: write a migration "
                    + "('taskdesk db revision --autogenerate -m \"…\"' drafts one).");
        }
        return 0;
    }

    private void report(MigrationOutcome outcome) {
        if (outcome.notice() != null) {
            out().println(outcome.notice());
        }
    }

    private MigrationService migrations() {
        return root.services().migrations();
    }

    private PrintWriter out() {
        PrintWriter out = spec.commandLine().getOut();
        out.flush();
        return out;
    }
}
