package org.taskdesk.persistence.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.taskdesk.persistence.database.DatabaseKind;

/**
 * The list of migration scripts written at build time (ADR 0027), which every start reads instead of walking the jar,
 * can never drift from the scripts: it names exactly the upgrade scripts in the source folders, and the catalog read
 * from it is the one found by listing the folders.
 */
class MigrationListTest {
    private static final Path SOURCES = Path.of("src/main/resources/db/migration");

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theCatalogReadFromTheBuildsListIsTheOneFoundInTheFolders(DatabaseKind kind) {
        ClassLoader program = MigrationCatalog.class.getClassLoader();
        assertThat(program.getResource(MigrationCatalog.FILE_LIST)).as("written by the build").isNotNull();

        assertThat(MigrationCatalog.forKind(kind).scripts()).isNotEmpty()
                .isEqualTo(MigrationCatalog.scanned(kind, program).scripts());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theCatalogNamesEveryUpgradeScriptOfTheSourceFoldersAndNothingElse(DatabaseKind kind) throws IOException {
        List<String> inSources;
        try (Stream<Path> files = Stream.concat(Files.list(SOURCES.resolve("common")),
                Files.list(SOURCES.resolve(kind.folderName())))) {
            inSources = files.map(file -> "db/migration/" + SOURCES.relativize(file).toString().replace('\\', '/'))
                    .filter(name -> name.matches(".*/V\\d+__.+\\.sql")).sorted().toList();
        }

        assertThat(MigrationCatalog.forKind(kind).scripts()).extracting(MigrationScript::upgradeResource)
                .containsExactlyInAnyOrderElementsOf(inSources);
    }
}
