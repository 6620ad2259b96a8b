package org.taskdesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/** The layers of ARCHITECTURE.md: dependencies point down only. */
@AnalyzeClasses(packages = "org.taskdesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String[] SERVICES = {
        "org.taskdesk.tasks..", "org.taskdesk.accounts..", "org.taskdesk.sync..", "org.taskdesk.migrations.."
    };

    @ArchTest
    static final ArchRule domainIsPureJava = noClasses().that().resideInAPackage("org.taskdesk.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.hibernate..", "jakarta.persistence..",
                    "java.sql..", "javax.sql..", "org.flywaydb..", "picocli..",
                    "org.taskdesk.persistence..", "org.taskdesk.cli..", "org.taskdesk.ui..", "org.taskdesk.app..",
                    "org.taskdesk.tasks..", "org.taskdesk.accounts..", "org.taskdesk.sync..", "org.taskdesk.migrations..");

    @ArchTest
    static final ArchRule persistenceDoesNotReachUp = noClasses().that().resideInAPackage("org.taskdesk.persistence..")
            .should().dependOnClassesThat().resideInAnyPackage(concat(SERVICES,
                    "org.taskdesk.cli..", "org.taskdesk.ui..", "org.taskdesk.app..", "javafx.."));

    @ArchTest
    static final ArchRule servicesDoNotReachUp = noClasses().that().resideInAnyPackage(SERVICES)
            .should().dependOnClassesThat().resideInAnyPackage("org.taskdesk.cli..", "org.taskdesk.ui..",
                    "org.taskdesk.app..", "javafx..", "picocli..");

    @ArchTest
    static final ArchRule commandLineSeesOnlyServices = noClasses().that().resideInAPackage("org.taskdesk.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("org.taskdesk.persistence..", "org.hibernate..",
                    "jakarta.persistence..", "java.sql..", "org.flywaydb..", "javafx..", "org.taskdesk.ui..",
                    "org.taskdesk.app..");

    @ArchTest
    static final ArchRule desktopSeesOnlyServices = noClasses().that().resideInAPackage("org.taskdesk.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("org.taskdesk.persistence..", "org.hibernate..",
                    "jakarta.persistence..", "java.sql..", "org.flywaydb..", "org.taskdesk.cli..", "picocli..");

    @ArchTest
    static final ArchRule noPrintingOutsideTheCommandLine = noClasses().that().resideOutsideOfPackages(
            "org.taskdesk.cli..", "org.taskdesk.app..").should(GeneralCodingRules.ACCESS_STANDARD_STREAMS);

    @ArchTest
    static final ArchRule oneLoggingApi = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
