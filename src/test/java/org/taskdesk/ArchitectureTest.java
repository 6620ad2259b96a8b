package org.taskdesk;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.PackageMatchers;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import jakarta.persistence.Entity;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The layers of ARCHITECTURE.md: dependencies point down only. The rules run as plain JUnit tests (rather than
 * through ArchUnit's own engine, which surefire did not pick up) so that they certainly run.
 */
class ArchitectureTest {
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.taskdesk");

    private static final String[] SERVICES = {
        "org.taskdesk.tasks..", "org.taskdesk.accounts..", "org.taskdesk.sync..", "org.taskdesk.migrations..",
        "org.taskdesk.workspace..", "org.taskdesk.transfer.."
    };

    static final ArchRule domainIsPureJava = noClasses().that().resideInAPackage("org.taskdesk.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.hibernate..", "jakarta.persistence..",
                    "java.sql..", "javax.sql..", "org.flywaydb..", "picocli..",
                    "org.taskdesk.persistence..", "org.taskdesk.cli..", "org.taskdesk.ui..", "org.taskdesk.app..",
                    "org.taskdesk.tasks..", "org.taskdesk.accounts..", "org.taskdesk.sync..", "org.taskdesk.migrations..",
                    "org.taskdesk.workspace..", "org.taskdesk.transfer..");

    /**
     * Persistence reaches up only to implement what a service owns: its repository interfaces, in its records
     * A service class itself, the ways in and the composition root stay out of its reach.
     */
    static final ArchRule persistenceDoesNotReachUp = noClasses().that().resideInAPackage("org.taskdesk.persistence..")
            .should().dependOnClassesThat(resideInAnyPackage(concat(SERVICES,
                    "org.taskdesk.cli..", "org.taskdesk.ui..", "org.taskdesk.app..", "javafx.."))
                    .and(not(ownedByServicesForPersistence())));

    static final ArchRule servicesDoNotReachUp = noClasses().that().resideInAnyPackage(SERVICES)
            .should().dependOnClassesThat().resideInAnyPackage("org.taskdesk.cli..", "org.taskdesk.ui..",
                    "org.taskdesk.app..", "javafx..", "picocli..");

    static final ArchRule commandLineSeesOnlyServices = noClasses().that().resideInAPackage("org.taskdesk.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("org.taskdesk.persistence..", "org.hibernate..",
                    "jakarta.persistence..", "java.sql..", "org.flywaydb..", "javafx..", "org.taskdesk.ui..",
                    "org.taskdesk.app..");

    static final ArchRule desktopSeesOnlyServices = noClasses().that().resideInAPackage("org.taskdesk.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("org.taskdesk.persistence..", "org.hibernate..",
                    "jakarta.persistence..", "java.sql..", "org.flywaydb..", "org.taskdesk.cli..", "picocli..");

    /**
     * The layers as one picture: a class may use the layers below its own. Together with
     * {@link #everyPackageIsInALayer}, a new top-level package fails the build until it is placed here.
     */
    static final ArchRule layers = layeredArchitecture().consideringAllDependencies()
            .layer("Domain").definedBy("org.taskdesk.domain..")
            .layer("Persistence").definedBy("org.taskdesk.persistence..")
            .layer("Services").definedBy(SERVICES)
            .layer("Desktop").definedBy("org.taskdesk.ui..")
            .layer("CommandLine").definedBy("org.taskdesk.cli..")
            .layer("CompositionRoot").definedBy("org.taskdesk.app..")
            .whereLayer("CompositionRoot").mayNotBeAccessedByAnyLayer()
            .whereLayer("Desktop").mayOnlyBeAccessedByLayers("CompositionRoot")
            .whereLayer("CommandLine").mayOnlyBeAccessedByLayers("CompositionRoot")
            .whereLayer("Services").mayOnlyBeAccessedByLayers("Persistence", "Desktop", "CommandLine", "CompositionRoot")
            .whereLayer("Persistence").mayOnlyBeAccessedByLayers("Services", "CompositionRoot")
            .whereLayer("Domain").mayOnlyBeAccessedByLayers("Persistence", "Services", "Desktop", "CommandLine",
                    "CompositionRoot");

    static final ArchRule everyPackageIsInALayer = classes().should().resideInAnyPackage(concat(SERVICES,
            "org.taskdesk.domain..", "org.taskdesk.persistence..", "org.taskdesk.ui..", "org.taskdesk.cli..",
            "org.taskdesk.app.."))
            .because("every top-level package belongs to a layer of ARCHITECTURE.md: add a new one to `layers`");

    static final ArchRule noCyclesBetweenFeatures = slices().matching("org.taskdesk.(*)..").should().beFreeOfCycles();

    /** Inside persistence too: a feature (tasks, accounts, schema…) and the shared machinery never use each other both ways. */
    static final ArchRule noCyclesInsidePersistence = slices().matching("org.taskdesk.persistence.(*)..").should()
            .beFreeOfCycles();

    /**
     * The services speak the domain's language: they use no Hibernate, JPA, JDBC or entity, and nothing they offer
     * (a public or protected method or constructor) mentions a persistence type, so that persistence can change
     * behind the repository interfaces they own.
     */
    static final ArchRule servicesSpeakDomain = CompositeArchRule.of(noClasses()
                    .that().resideInAnyPackage(SERVICES)
                    .should().dependOnClassesThat().resideInAnyPackage("org.hibernate..", "jakarta.persistence..",
                            "java.sql..", "javax.sql..")
                    .orShould().dependOnClassesThat().areAnnotatedWith(Entity.class))
            .and(codeUnits().that().areDeclaredInClassesThat().resideInAnyPackage(SERVICES)
                    .and(offeredToOthers()).should(mentionNoTypeFrom("org.taskdesk.persistence..")))
            .as("services speak the domain's language, never persistence's");

    static final ArchRule noPrintingOutsideTheCommandLine = noClasses().that().resideOutsideOfPackages(
            "org.taskdesk.cli..", "org.taskdesk.app..").should(GeneralCodingRules.ACCESS_STANDARD_STREAMS);

    static final ArchRule oneLoggingApi = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

    static Stream<ArchRule> rules() {
        return Stream.of(layers, everyPackageIsInALayer, noCyclesBetweenFeatures, noCyclesInsidePersistence, domainIsPureJava,
                persistenceDoesNotReachUp, servicesDoNotReachUp, servicesSpeakDomain, commandLineSeesOnlyServices,
                desktopSeesOnlyServices, noPrintingOutsideTheCommandLine, oneLoggingApi);
    }

    @ParameterizedTest
    @MethodSource("rules")
    void productionCodeKeepsTheLayers(ArchRule rule) {
        rule.check(PRODUCTION);
    }

    /** The services' repository interfaces and the records they speak: what persistence implements. */
    private static DescribedPredicate<JavaClass> ownedByServicesForPersistence() {
        return DescribedPredicate.describe("are the services' repository interfaces or records",
                type -> PackageMatchers.of(SERVICES).test(type.getPackageName()) && (type.isInterface() || type.isRecord()));
    }

    private static DescribedPredicate<JavaCodeUnit> offeredToOthers() {
        return DescribedPredicate.describe("are public or protected",
                unit -> unit.getModifiers().contains(JavaModifier.PUBLIC) || unit.getModifiers().contains(JavaModifier.PROTECTED));
    }

    /** Neither the return type, nor a parameter, nor a thrown type, nor a type argument of one of them. */
    private static ArchCondition<JavaCodeUnit> mentionNoTypeFrom(String packageIdentifier) {
        return new ArchCondition<>("mention no type from " + packageIdentifier + " in their signature") {
            @Override
            public void check(JavaCodeUnit unit, ConditionEvents events) {
                Stream<JavaType> mentioned = Stream.concat(Stream.concat(Stream.of(unit.getReturnType()),
                        unit.getParameterTypes().stream()), unit.getThrowsClause().getTypes().stream());
                mentioned.flatMap(type -> type.getAllInvolvedRawTypes().stream())
                        .filter(type -> type.getPackage().getName().startsWith(packageIdentifier.replace("..", "")))
                        .map(JavaClass::getName).distinct()
                        .forEach(name -> events.add(SimpleConditionEvent.violated(unit,
                                unit.getFullName() + " mentions " + name)));
            }
        };
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
