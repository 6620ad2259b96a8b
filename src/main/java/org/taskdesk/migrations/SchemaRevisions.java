package org.taskdesk.migrations;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;

/**
 * Writes new migrations into the source tree ({@code revision}), and compares the Hibernate entities with the
 * migrations ({@code revision --autogenerate}, {@code check}). H2 is compared in a scratch in-memory database;
 * PostgreSQL in the configured database when it is one, since no server can be conjured up here.
 */
public final class SchemaRevisions {
    private static final Pattern VERSIONED = Pattern.compile("[VU](\\d+)__.+\\.sql");
    /** The folder of scripts that both database kinds run, beside {@code h2/} and {@code postgresql/}. */
    private static final String BOTH_KINDS_FOLDER = "common";

    private final Clock clock;
    private final int newestShippedVersion;

    /** {@code newestShippedVersion}: the newest version this program ships, for either database kind. */
    public SchemaRevisions(Clock clock, int newestShippedVersion) {
        this.clock = clock;
        this.newestShippedVersion = newestShippedVersion;
    }

    /** Writes the next-numbered empty upgrade script and its downgrade into {@code folder} ({@code …/db}). */
    public WrittenRevision create(String message, Path folder) {
        slug(message); // a missing message is the first thing to tell
        int version = nextVersion(folder);
        String header = header(message, version, false);
        List<Path> files = List.of(
                write(folder, "migration", "common", "V", version, message,
                        header + "-- Write the upgrade here, for both H2 and PostgreSQL (or move this file to the h2/ "
                                + "and postgresql/ folders beside common/).\n"),
                write(folder, "downgrade", "common", "U", version, message,
                        header + "-- Write here what undoes the upgrade of version " + version + ".\n"));
        return new WrittenRevision(version, files, List.of());
    }

    /**
     * Compares the entities with each database kind it can reach at head and writes the difference as the next
     * migration, into {@code common} when both kinds need the same DDL, else into each kind's folder.
     */
    public WrittenRevision autogenerate(String message, Path folder, EntityComparison comparison) {
        slug(message);
        int version = nextVersion(folder);
        List<SchemaDifference> differences = compare(comparison);
        List<String> notices = new ArrayList<>(notCompared(comparison));
        List<SchemaDifference> changed = differences.stream().filter(d -> !d.isEmpty()).toList();
        if (changed.isEmpty()) {
            return new WrittenRevision(version, List.of(), notices);
        }
        List<Path> files = new ArrayList<>();
        boolean same = differences.size() == 2 && differences.get(0).statements().equals(differences.get(1).statements());
        for (SchemaDifference difference : same ? List.of(differences.get(0)) : changed) {
            String kindFolder = same ? BOTH_KINDS_FOLDER : difference.databaseKind();
            String header = header(message, version, true);
            files.add(write(folder, "migration", kindFolder, "V", version, message,
                    header + String.join(";\n", difference.statements()) + ";\n"));
            files.add(write(folder, "downgrade", kindFolder, "U", version, message,
                    header + String.join("\n", DowngradeSketch.reverse(difference.statements())) + "\n"));
        }
        return new WrittenRevision(version, files, notices);
    }

    /** The differences between entities and migrations, one per database kind compared. */
    public List<SchemaDifference> compare(EntityComparison comparison) {
        List<SchemaDifference> differences = new ArrayList<>();
        differences.add(comparison.scratchH2());
        Optional<DatabaseSchema> postgres = comparison.configuredPostgres();
        if (postgres.isPresent()) {
            DatabaseStatus status = new MigrationService(postgres.get()).status();
            if (!status.isAtHead()) {
                throw new TaskDeskException(ErrorCode.SCHEMA_MISMATCH, "The database " + status.database()
                        + " is at " + Revision.label(status.current()) + ", not at head (" + status.head()
                        + "): run 'taskdesk db upgrade head' first, so that only the entities' changes show.");
            }
            differences.add(comparison.configuredPostgresDifference());
        }
        return differences;
    }

    /** What {@link #compare} could not look at, as notices for the user. */
    public List<String> notCompared(EntityComparison comparison) {
        return comparison.configuredPostgres().isPresent() ? List.of() : List.of("PostgreSQL was not compared: "
                + "pass --database-url with a PostgreSQL database at head to include it.");
    }

    private int nextVersion(Path folder) {
        if (!Files.isDirectory(folder.resolve("migration"))) {
            throw new TaskDeskException(ErrorCode.INVALID_INPUT, "No migrations folder at " + folder.resolve("migration")
                    + ": run this in the TaskDesk source folder, or pass --migrations-dir with the folder that holds "
                    + "migration/ and downgrade/.");
        }
        int newest = newestShippedVersion;
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Matcher matcher = VERSIONED.matcher(file.getFileName().toString());
                if (matcher.matches()) {
                    newest = Math.max(newest, Integer.parseInt(matcher.group(1)));
                }
            }
        } catch (IOException e) {
            throw new TaskDeskException(ErrorCode.INVALID_INPUT, "Cannot read " + folder + ": " + e.getMessage() + ".", e);
        }
        return newest + 1;
    }

    private String header(String message, int version, boolean generated) {
        String text = "-- Version " + version + ": " + message.strip() + "\n-- Created " + LocalDate.now(clock) + " by "
                + "'taskdesk db revision" + (generated ? " --autogenerate" : "") + "'.\n";
        if (generated) {
            text += "-- REVIEW BEFORE USE: generated from the difference between the Hibernate entities and the\n"
                    + "-- migrations. Autogenerate cannot see renames (it adds the new name) or drops (it never\n"
                    + "-- proposes one), and a NOT NULL column without a default fails on a table with rows.\n";
        }
        return text + "\n";
    }

    private static Path write(Path root, String area, String kindFolder, String prefix, int version, String message,
                              String content) {
        String slug = slug(message);
        Path folder = root.resolve(area).resolve(kindFolder);
        Path file = folder.resolve(prefix + version + "__" + slug + ".sql");
        try {
            Files.createDirectories(folder);
            Path partial = folder.resolve("." + file.getFileName() + ".partial");
            Files.writeString(partial, content, StandardOpenOption.CREATE_NEW);
            try {
                Files.move(partial, file); // no REPLACE_EXISTING: never overwrite a migration
            } catch (FileAlreadyExistsException e) {
                Files.deleteIfExists(partial);
                throw e;
            }
            return file;
        } catch (IOException e) {
            throw new TaskDeskException(ErrorCode.INVALID_INPUT, "Cannot write " + file + ": " + e.getMessage()
                    + ". Nothing was overwritten.", e);
        }
    }

    static String slug(String message) {
        String slug = message == null ? "" : message.strip().toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", "_").replaceAll("^_+|_+$", "");
        if (slug.isEmpty()) {
            throw new TaskDeskException(ErrorCode.INVALID_INPUT, "Give the revision a message with -m, e.g. "
                    + "-m \"add reminders table\".");
        }
        return slug.length() > 60 ? slug.substring(0, 60).replaceAll("_+$", "") : slug;
    }
}
