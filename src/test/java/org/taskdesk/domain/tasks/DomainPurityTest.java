package org.taskdesk.domain.tasks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The domain stays pure Java so that the UI, the CLI and sync can all use it and tests need no database.
 * The project-wide architecture test may cover this too; this one guards the task domain on its own.
 */
class DomainPurityTest {

    private static final JavaClasses DOMAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.taskdesk.domain");

    @Test
    void domainUsesNoUiPersistenceOrSqlLibraries() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "javafx..", "org.hibernate..", "jakarta.persistence..", "java.sql..", "javax.sql..",
                        "org.flywaydb..", "org.h2..", "org.postgresql..", "com.zaxxer..", "picocli..")
                .check(DOMAIN);
    }

    @Test
    void domainDependsOnlyOnTheJdkLibRecurAndItself() {
        noClasses().should().dependOnClassesThat().resideOutsideOfPackages(
                        "java..", "org.dmfs..", "org.taskdesk.domain..")
                .check(DOMAIN);
    }

    @Test
    void domainDoesNotReachUpIntoOtherLayers() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "org.taskdesk.persistence..", "org.taskdesk.ui..", "org.taskdesk.cli..", "org.taskdesk.app..",
                        "org.taskdesk.tasks..", "org.taskdesk.accounts..", "org.taskdesk.sync..")
                .check(DOMAIN);
    }
}
