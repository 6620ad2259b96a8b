package org.taskdesk.persistence.schema;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.taskdesk.persistence.database.DatabaseKind;

/**
 * The schema versions this build ships for one kind of database. Upgrade scripts live in
 * {@code db/migration/common} (both databases) and {@code db/migration/<kind>} (one only); each has a downgrade
 * script of the same name with {@code U} for {@code V} under {@code db/downgrade/…}, outside Flyway's locations.
 */
public final class MigrationCatalog {
    public static final String MIGRATION_ROOT = "db/migration";
    public static final String DOWNGRADE_ROOT = "db/downgrade";
    public static final String COMMON_FOLDER = "common";
    static final Pattern UPGRADE_FILE = Pattern.compile("V(\\d+)__(.+)\\.sql");
    /**
     * Every upgrade script under {@code db/migration}, one {@code folder/file} a line, written at build time
     * ({@code pom.xml}, generate-resources): reading it spares each start a walk through the jar's 26,000 entries
     * (ADR 0027). {@code MigrationListTest} checks it against the source folders.
     */
    static final String FILE_LIST = "db/migration-files.txt";

    private final DatabaseKind kind;
    private final List<MigrationScript> scripts;

    private MigrationCatalog(DatabaseKind kind, List<MigrationScript> scripts) {
        this.kind = kind;
        this.scripts = List.copyOf(scripts);
    }

    /** The catalog on this program's classpath. */
    public static MigrationCatalog forKind(DatabaseKind kind) {
        return load(kind, MigrationCatalog.class.getClassLoader());
    }

    /**
     * The catalog of {@code loader}: from the list written at build time when {@code loader} is the program's own,
     * else (a test's scripts) by listing the folders.
     */
    static MigrationCatalog load(DatabaseKind kind, ClassLoader loader) {
        List<String> folders = List.of(COMMON_FOLDER, kind.folderName());
        Optional<Map<String, List<String>>> listed = loader == MigrationCatalog.class.getClassLoader()
                ? listedAtBuildTime(loader, folders) : Optional.empty();
        return of(kind, loader, folders, listed.orElseGet(() -> listedInFolders(loader, folders)));
    }

    /** The same by listing the folders on the classpath, whatever the list says: what the list must agree with. */
    static MigrationCatalog scanned(DatabaseKind kind, ClassLoader loader) {
        List<String> folders = List.of(COMMON_FOLDER, kind.folderName());
        return of(kind, loader, folders, listedInFolders(loader, folders));
    }

    private static Map<String, List<String>> listedInFolders(ClassLoader loader, List<String> folders) {
        return ClasspathFolder.fileNames(loader, folders.stream().map(folder -> MIGRATION_ROOT + "/" + folder).toList());
    }

    /** The file names per folder from {@link #FILE_LIST}; empty when the build wrote none (an IDE's own build). */
    private static Optional<Map<String, List<String>>> listedAtBuildTime(ClassLoader loader, List<String> folders) {
        InputStream list = loader.getResourceAsStream(FILE_LIST);
        if (list == null) {
            return Optional.empty();
        }
        Map<String, List<String>> files = new HashMap<>();
        folders.forEach(folder -> files.put(MIGRATION_ROOT + "/" + folder, new ArrayList<>()));
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(list, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String path = line.strip().replace('\\', '/'); // Ant writes the build machine's separator
                int slash = path.lastIndexOf('/');
                if (slash > 0) {
                    List<String> names = files.get(MIGRATION_ROOT + "/" + path.substring(0, slash));
                    if (names != null) {
                        names.add(path.substring(slash + 1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + FILE_LIST + " from the program", e);
        }
        return Optional.of(files);
    }

    private static MigrationCatalog of(DatabaseKind kind, ClassLoader loader, List<String> folders,
                                       Map<String, List<String>> files) {
        Map<Integer, MigrationScript> byVersion = new HashMap<>();
        for (String folder : folders) {
            for (String name : files.get(MIGRATION_ROOT + "/" + folder)) {
                Matcher matcher = UPGRADE_FILE.matcher(name);
                if (!matcher.matches()) {
                    continue;
                }
                int version = Integer.parseInt(matcher.group(1));
                String downgradeName = "U" + name.substring(1);
                String downgrade = loader.getResource(DOWNGRADE_ROOT + "/" + folder + "/" + downgradeName) == null
                        ? null : DOWNGRADE_ROOT + "/" + folder + "/" + downgradeName;
                MigrationScript script = new MigrationScript(version, matcher.group(2).replace('_', ' '),
                        MIGRATION_ROOT + "/" + folder + "/" + name, downgrade);
                MigrationScript clash = byVersion.put(version, script);
                if (clash != null) {
                    throw new IllegalStateException("Version " + version + " is defined twice for " + kind + ": "
                            + clash.upgradeResource() + " and " + script.upgradeResource());
                }
            }
        }
        List<MigrationScript> sorted = new ArrayList<>(byVersion.values());
        sorted.sort(Comparator.comparingInt(MigrationScript::version));
        return new MigrationCatalog(kind, sorted);
    }

    /** Flyway's locations for this kind: the common folder and the kind's own. */
    public String[] flywayLocations() {
        return new String[] {
            "classpath:" + MIGRATION_ROOT + "/" + COMMON_FOLDER,
            "classpath:" + MIGRATION_ROOT + "/" + kind.folderName()
        };
    }

    public DatabaseKind kind() {
        return kind;
    }

    /** Oldest first. */
    public List<MigrationScript> scripts() {
        return scripts;
    }

    /** The newest version, 0 when there is none. */
    public int head() {
        return scripts.isEmpty() ? 0 : scripts.get(scripts.size() - 1).version();
    }

    public Optional<MigrationScript> find(int version) {
        return scripts.stream().filter(script -> script.version() == version).findFirst();
    }

    /** The version before {@code version}, 0 (base) for the first. */
    public int previous(int version) {
        int previous = 0;
        for (MigrationScript script : scripts) {
            if (script.version() >= version) {
                break;
            }
            previous = script.version();
        }
        return previous;
    }
}
