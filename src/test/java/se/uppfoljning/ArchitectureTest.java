package se.uppfoljning;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Package by feature: a feature's root package (service + records) is its door; its jOOQ code ("internal") and
 * its views ("ui") are its own; Vaadin stays in the UI.
 */
@AnalyzeClasses(packages = "se.uppfoljning", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Generated jOOQ classes are used only by repositories in a feature's internal package (and base config). */
    @ArchTest
    static final ArchRule jooqTablesOnlyInsideInternalPackages = noClasses()
            .that().resideOutsideOfPackages("..internal..", "se.uppfoljning.db..")
            .should().dependOnClassesThat().resideInAPackage("se.uppfoljning.db..")
            .because("each feature's jOOQ code stays inside it");

    /** A feature never reaches into another feature's internal package. */
    @ArchTest
    static final ArchRule internalsAreNotSharedBetweenFeatures = SlicesRuleDefinition.slices()
            .matching("se.uppfoljning.(*)..")
            .should().notDependOnEachOther()
            .ignoreDependency(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("se.uppfoljning.."),
                    com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage("..internal.."))
            .because("another feature calls the service, never its jOOQ code");

    /** Vaadin is only for the views: services, repositories and records know nothing of it. */
    @ArchTest
    static final ArchRule vaadinOnlyInUi = noClasses()
            .that().resideOutsideOfPackages("..ui..")
            .and().doNotHaveSimpleName("Application")
            .should().dependOnClassesThat().resideInAnyPackage("com.vaadin.flow.component..", "com.vaadin.flow.router..")
            .because("views are thin and business code is UI-free");

    /** Only the UI layer uses views; no service depends on a view. */
    @ArchTest
    static final ArchRule nothingButUiDependsOnUi = noClasses()
            .that().resideOutsideOfPackages("..ui..")
            // Vaadin's security configuration must name the login view
            .and().doNotHaveFullyQualifiedName("se.uppfoljning.base.security.SecurityConfiguration")
            .should().dependOnClassesThat().resideInAPackage("se.uppfoljning..ui..");

    /** Views never touch the database directly. */
    @ArchTest
    static final ArchRule viewsDoNotUseJooq = noClasses()
            .that().resideInAPackage("..ui..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "..internal..");

    /** REST controllers live in a feature's api package and call services only. */
    @ArchTest
    static final ArchRule controllersInApiPackages = classes()
            .that().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
            .should().resideInAPackage("..api..");

    @ArchTest
    static final ArchRule apiDoesNotUseJooq = noClasses()
            .that().resideInAPackage("..api..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "..internal..", "se.uppfoljning.db..");
}
