package se.uppfoljning;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import se.uppfoljning.architecture.FeatureRules;
import se.uppfoljning.architecture.FeatureRules.KnownDependency;
import se.uppfoljning.base.security.AppUserPrincipal;
import se.uppfoljning.base.security.CommitteeAccess;
import se.uppfoljning.base.security.CommitteeScoped;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Package by feature: a feature's root package (service + records) is its door; its jOOQ code ("internal") and
 * its views ("ui") are its own; Vaadin stays in the UI.
 */
@AnalyzeClasses(packages = "se.uppfoljning", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String ROOT = "se.uppfoljning";

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
            .ignoreDependency(JavaClass.Predicates.resideInAPackage("se.uppfoljning.."),
                    JavaClass.Predicates.resideOutsideOfPackage("..internal.."))
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
            .that().areAnnotatedWith(RestController.class)
            .should().resideInAPackage("..api..");

    /**
     * Known dependencies that close a cycle, to be removed (the list only shrinks). Empty since issue 14 moved
     * {@code CommitteeContext} and the committee-and-period look-ups from organisation to periods.
     */
    static final List<KnownDependency> KNOWN_CYCLE_EDGES = List.of();

    @ArchTest
    static final ArchRule featuresFreeOfCycles = FeatureRules.featuresFreeOfCycles(ROOT, KNOWN_CYCLE_EDGES);

    @ArchTest
    static final ArchRule baseDependsOnNoFeature = FeatureRules.baseDependsOnNoFeature(ROOT);

    /** Each table's owning feature: the only one that writes it (see {@link TableWritersTest}). */
    static final Map<String, String> TABLE_OWNERS = Map.ofEntries(
            Map.entry("ApiToken", "users"), Map.entry("AppUser", "users"), Map.entry("SessionEnd", "users"),
            Map.entry("CommitteeMembership", "users"), Map.entry("UserDepartment", "users"),
            Map.entry("AuditLog", "audit"),
            Map.entry("Organisation", "organisation"), Map.entry("Committee", "organisation"),
            Map.entry("Department", "organisation"), Map.entry("PlanYear", "organisation"),
            Map.entry("StatusValue", "organisation"),
            Map.entry("ReportingPeriod", "periods"), Map.entry("PeriodEvent", "periods"),
            Map.entry("StrategicArea", "structure"), Map.entry("StrategicGoal", "structure"),
            Map.entry("FollowUpItem", "structure"),
            Map.entry("FollowUpEntry", "followup"), Map.entry("FollowUpHistory", "followup"),
            Map.entry("PeriodItem", "followup"),
            Map.entry("Draft", "drafts"), Map.entry("Measure", "measures"),
            Map.entry("FinanceImport", "finance"), Map.entry("FinanceLevel", "finance"),
            Map.entry("FinanceRow", "finance"),
            Map.entry("PeriodAppendix", "appendix"), Map.entry("Notification", "notifications"),
            Map.entry("CommitteePublication", "publication"),
            Map.entry("ReportSection", "report"), Map.entry("ReportSectionHistory", "report"),
            Map.entry("ReportSectionEditor", "report"), Map.entry("PeriodReport", "report"),
            Map.entry("IndicatorTarget", "indicators"), Map.entry("IndicatorValue", "indicators"),
            Map.entry("IndicatorValueHistory", "indicators"));

    /**
     * Features that read another feature's table in a join of their own statement (one query instead of one per
     * feature: the overview, completeness, plan-year carry-over). Never written there; a new reader is a decision.
     */
    static final Map<String, Set<String>> TABLE_READERS = Map.ofEntries(
            Map.entry("AppUser", Set.of("audit", "followup", "readiness")),
            Map.entry("CommitteeMembership", Set.of("readiness")),
            Map.entry("UserDepartment", Set.of("readiness")),
            // periods: a committee with its periods (the context and the layout's list), in one statement;
            // followup: the API's read of a period's follow-up (committee, period and rows) in one statement
            Map.entry("Committee", Set.of("audit", "followup", "periods", "users")),
            Map.entry("Department", Set.of("followup", "readiness", "structure", "users")),
            Map.entry("PlanYear", Set.of("followup", "readiness", "structure")),
            // indicators: the goal scale's labels for the proposed assessment, read with the values
            Map.entry("StatusValue", Set.of("followup", "indicators", "structure")),
            Map.entry("ReportingPeriod", Set.of("followup", "structure")),
            Map.entry("StrategicArea", Set.of("followup", "readiness")),
            Map.entry("StrategicGoal", Set.of("followup", "readiness")),
            // indicators: an item's committee and department with its target and values, in one statement
            Map.entry("FollowUpItem", Set.of("followup", "indicators", "readiness")),
            Map.entry("FollowUpEntry", Set.of("readiness", "structure")));

    @ArchTest
    static final ArchRule tablesOnlyInOwningFeature = FeatureRules.tablesOnlyInOwningFeature(ROOT,
            ROOT + ".db", TABLE_OWNERS, TABLE_READERS);

    /** Rights are decided by the services: every public service method says who may call it. */
    @ArchTest
    static final ArchRule publicServiceMethodsDeclareRights = FeatureRules.publicServiceMethodsDeclareRights(ROOT,
            Service.class,
            PreAuthorize.class);

    /**
     * One way to decide committee rights: a public service method that receives a committee's scope (a
     * {@code CommitteeScoped}, a committee slug or id) says {@code @committeeAccess.member/may(…)}, never
     * {@code isAuthenticated()} or a global role with a check in its body.
     */
    @ArchTest
    static final ArchRule committeeScopedMethodsUseTheAccessBean = FeatureRules.committeeScopedMethodsUseTheAccessBean(
            ROOT, Service.class, CommitteeScoped.class, Set.of("committeeSlug", "committeeId"));

    /** Only CommitteeAccess asks for roles; services and views use its Rights and may… flags. */
    @ArchTest
    static final ArchRule onlyTheAccessBeanAsksForRoles = FeatureRules.onlyTheAccessBeanAsksForRoles(ROOT,
            ROOT + ".base.security..", AppUserPrincipal.class);

    /**
     * Views show what the read models' {@code may…} flags allow: they never use {@code CommitteeAccess} nor ask for
     * roles.
     */
    @ArchTest
    static final ArchRule viewsNeverDecideRights = FeatureRules.viewsNeverDecideRights(ROOT, CommitteeAccess.class);

    /** One place for Swedish numbers and dates: base/text's SwedishFormat (no exceptions). */
    @ArchTest
    static final ArchRule swedishFormattingOnlyInTextPackage = FeatureRules.swedishFormattingOnlyInTextPackage(ROOT,
            ROOT + ".base.text");

    /** The classes that use String.format/formatted, each for text no reader sees as a Swedish number or date. */
    static final Map<String, String> MACHINE_TEXT = Map.of(
            ROOT + ".indicators.TrendChart", "SVG coordinates (Locale.ROOT, a decimal point)",
            ROOT + ".finance.ui.BudgetPicture", "SVG coordinates (Locale.ROOT, a decimal point)",
            ROOT + ".finance.ui.DeviationChart", "SVG coordinates (Locale.ROOT, a decimal point)",
            ROOT + ".appendix.internal.HtmlRenderer", "the page template's CSS",
            ROOT + ".appendix.internal.PdfRenderer", "the PDF's XMP metadata (XML)",
            ROOT + ".base.ui.SwedishComponents", "the components' script and its \\u escapes",
            ROOT + ".base.fonts.DrawableText", "a code point's name (U+00E5) in a message");

    @ArchTest
    static final ArchRule stringFormatOnlyForMachineText = FeatureRules.stringFormatOnlyForMachineText(ROOT,
            ROOT + ".base.text", MACHINE_TEXT);

    @ArchTest
    static final ArchRule apiDoesNotUseJooq = noClasses()
            .that().resideInAPackage("..api..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "..internal..", "se.uppfoljning.db..");
}
