package org.taskdesk.persistence.schema;

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

    static MigrationCatalog load(DatabaseKind kind, ClassLoader loader) {
        Map<Integer, MigrationScript> byVersion = new HashMap<>();
        List<String> folders = List.of(COMMON_FOLDER, kind.folderName());
        Map<String, List<String>> files = ClasspathFolder.fileNames(loader,
                folders.stream().map(folder -> MIGRATION_ROOT + "/" + folder).toList());
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
