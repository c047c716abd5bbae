package se.uppfoljning.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

import org.springframework.security.access.prepost.PostAuthorize;
import org.springframework.security.access.prepost.PreAuthorize;

import java.lang.annotation.Annotation;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The package-by-feature guards, as factories over a root package so that {@link FeatureRulesFailTest} can show each
 * one failing on a small fixture and {@code ArchitectureTest} can apply them to the application. A feature is the
 * first package below the root ({@code se.uppfoljning.followup}); {@code base} is the shared kernel and {@code db}
 * the generated jOOQ code.
 */
public final class FeatureRules {

    private FeatureRules() {
    }

    /** A dependency between two features that is known and allowed for now (documented where it is listed). */
    public record KnownDependency(String fromFeature, String toFeature) {
    }

    /**
     * The features' cores (everything but their {@code ui} and {@code api} adapters, which compose several features'
     * doors) form no cycle.
     */
    public static ArchRule featuresFreeOfCycles(String root, List<KnownDependency> known) {
        var rule = SlicesRuleDefinition.slices().matching(root + ".(*)..")
                .should().beFreeOfCycles()
                .ignoreDependency(resideInAnyPackage(root + "..ui..", root + "..api.."),
                        DescribedPredicate.alwaysTrue());
        for (KnownDependency k : known) {
            rule = rule.ignoreDependency(resideInAPackage(root + "." + k.fromFeature() + ".."),
                    resideInAPackage(root + "." + k.toFeature() + ".."));
        }
        return rule.because("a feature's core depends on the features below it, never back");
    }

    /** The shared kernel knows no feature: features use base, base uses nothing of theirs. */
    public static ArchRule baseDependsOnNoFeature(String root) {
        return noClasses().that().resideInAPackage(root + ".base..")
                .should().dependOnClassesThat(resideInAPackage(root + "..")
                        .and(DescribedPredicate.not(resideInAnyPackage(root + ".base..", root + ".db..")))
                        .as("a feature's classes"))
                .because("base is the shared kernel below every feature");
    }

    /**
     * A jOOQ table (its table class, record class or {@code Tables} constant) is used only by its owning feature,
     * or by a feature listed as a reader of it (a read join in one statement).
     */
    public static ArchRule tablesOnlyInOwningFeature(String root, String jooqPackage, Map<String, String> owners,
                                                     Map<String, Set<String>> readers) {
        return classes().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackage(jooqPackage + "..")
                .should(new ArchCondition<>("use only the jOOQ tables of their own feature") {
                    @Override
                    public void check(JavaClass javaClass, ConditionEvents events) {
                        String feature = feature(root, javaClass);
                        for (Dependency d : javaClass.getDirectDependenciesFromSelf()) {
                            String table = table(jooqPackage, d);
                            if (table == null) {
                                continue;
                            }
                            String owner = owners.get(table);
                            boolean allowed = feature.equals(owner)
                                    || readers.getOrDefault(table, Set.of()).contains(feature);
                            if (!allowed) {
                                events.add(SimpleConditionEvent.violated(d, javaClass.getName() + " (feature "
                                        + feature + ") uses table " + table + " owned by "
                                        + (owner == null ? "nobody (add it to the map)" : owner) + ": "
                                        + d.getDescription()));
                            }
                        }
                    }
                });
    }

    /**
     * Every public method of a service declares who may call it ({@code @PreAuthorize} on the method or its class, or
     * {@code @Unrestricted} with the reason it needs no right); static methods reach no bean and are left out:
     * rights are decided in one place, by the service.
     */
    public static ArchRule publicServiceMethodsDeclareRights(String root, Class<? extends Annotation> service,
                                                             Class<? extends Annotation> rule) {
        return methods().that().areDeclaredInClassesThat().areAnnotatedWith(service)
                .and().areDeclaredInClassesThat().resideInAPackage(root + "..")
                .and().arePublic()
                .should(new ArchCondition<>("declare their rights with @" + rule.getSimpleName()) {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        if (method.getModifiers().contains(JavaModifier.SYNTHETIC)
                                || method.getModifiers().contains(JavaModifier.STATIC) || method.isAnnotatedWith(rule)
                                || method.isAnnotatedWith("se.uppfoljning.base.security.Unrestricted")
                                || method.getOwner().isAnnotatedWith(rule)) {
                            return;
                        }
                        events.add(SimpleConditionEvent.violated(method, method.getFullName()
                                + " declares no rule of who may call it"));
                    }
                });
    }

    /**
     * A public service method that receives something of one committee – a {@code scoped} argument (a committee, a
     * committee and period) or a committee's slug or id (a parameter named in {@code scopeParameters}) – declares its
     * rule with the access bean ({@code @committeeAccess.member(…)} / {@code may(…)}, before the call or, for a
     * look-up, after it on the committee found), not with
     * {@code isAuthenticated()} or a global role followed by a check in its body. {@code @Unrestricted} methods (they
     * format text or resolve an address) and {@code permitAll()} ones (the public pages of published reports) are
     * left out: they say on purpose that no right is needed.
     */
    public static ArchRule committeeScopedMethodsUseTheAccessBean(String root, Class<? extends Annotation> service,
                                                                  Class<?> scoped, Set<String> scopeParameters) {
        return methods().that().areDeclaredInClassesThat().areAnnotatedWith(service)
                .and().areDeclaredInClassesThat().resideInAPackage(root + "..")
                .and().arePublic()
                .should(new ArchCondition<>("declare committee rights with @committeeAccess") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        if (method.getModifiers().contains(JavaModifier.SYNTHETIC)
                                || method.getModifiers().contains(JavaModifier.STATIC)
                                || method.isAnnotatedWith("se.uppfoljning.base.security.Unrestricted")
                                || !takesCommitteeScope(method, scoped, scopeParameters)) {
                            return;
                        }
                        String rule = method.tryGetAnnotationOfType(PreAuthorize.class).map(PreAuthorize::value)
                                .or(() -> method.getOwner().tryGetAnnotationOfType(PreAuthorize.class)
                                        .map(PreAuthorize::value))
                                .orElse("none");
                        // or after the look-up, on the committee (and period) found: @PostAuthorize on returnObject
                        rule += method.tryGetAnnotationOfType(PostAuthorize.class).map(p -> " " + p.value()).orElse("");
                        if (!rule.contains("@committeeAccess.") && !rule.equals("permitAll()")) {
                            events.add(SimpleConditionEvent.violated(method, method.getFullName()
                                    + " receives a committee's scope but decides with \"" + rule
                                    + "\" instead of @committeeAccess"));
                        }
                    }
                });
    }

    private static boolean takesCommitteeScope(JavaMethod method, Class<?> scoped, Set<String> scopeParameters) {
        if (method.getRawParameterTypes().stream().anyMatch(t -> t.isAssignableTo(scoped))) {
            return true;
        }
        // parameter names need javac -parameters (Spring Boot's build sets it; @PreAuthorize's #names rely on it too)
        return Arrays.stream(method.reflect().getParameters())
                .anyMatch(p -> p.isNamePresent() && scopeParameters.contains(p.getName()));
    }

    /**
     * Only the access bean's package asks for a user's roles ({@code AppUserPrincipal.hasRole},
     * {@code hasRoleAnywhere}): services declare rules and compute {@code may…} flags through {@code CommitteeAccess}
     * and its {@code Right}s, views show the flags.
     */
    public static ArchRule onlyTheAccessBeanAsksForRoles(String root, String accessPackage, Class<?> principal) {
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(accessPackage)
                .should().callMethodWhere(DescribedPredicate.describe("AppUserPrincipal.hasRole or hasRoleAnywhere",
                        call -> call.getTarget().getOwner().isEquivalentTo(principal)
                                && (call.getTarget().getName().equals("hasRole")
                                || call.getTarget().getName().equals("hasRoleAnywhere"))))
                .because("committee rights are decided in one place, CommitteeAccess, by Right");
    }

    /** The names of the methods that ask who the user is allowed to be: a principal's, a request's, Vaadin's. */
    static final Set<String> ROLE_QUESTIONS = Set.of("hasRole", "hasRoleAnywhere", "hasAnyRole", "hasAuthority",
            "hasAnyAuthority", "isUserInRole");

    /**
     * Views never decide rights: no class in a {@code ui} package uses the access bean ({@code access}, its static
     * questions included) or asks for roles itself (a method named in {@link #ROLE_QUESTIONS}, of any class); they show
     * what their service's read model says the user may do ({@code may…} flags, e.g. {@code FinanceRights}).
     */
    public static ArchRule viewsNeverDecideRights(String root, Class<?> access) {
        return noClasses().that().resideInAPackage(root + "..ui..")
                .should().dependOnClassesThat().belongToAnyOf(access)
                .orShould().callMethodWhere(DescribedPredicate.describe("a method asking for a role " + ROLE_QUESTIONS,
                        call -> ROLE_QUESTIONS.contains(call.getTarget().getName())))
                .because("services decide rights and hand them to the views as may… flags");
    }

    /**
     * One place for Swedish numbers and dates as text ({@code SwedishFormat}): outside {@code textPackage} no class
     * builds a {@code java.text} number format ({@code DecimalFormat}, {@code NumberFormat}, their symbols) or a
     * {@code java.time} date pattern ({@code DateTimeFormatter.ofPattern}, {@code ofLocalized…}); it uses the text
     * package's formatters, which carry the Swedish symbols and the rounding half away from zero.
     */
    public static ArchRule swedishFormattingOnlyInTextPackage(String root, String textPackage) {
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(textPackage + "..")
                .should().dependOnClassesThat().belongToAnyOf(DecimalFormat.class, NumberFormat.class,
                        DecimalFormatSymbols.class)
                .orShould().callMethodWhere(DescribedPredicate.describe("DateTimeFormatter.ofPattern or ofLocalized…",
                        call -> call.getTarget().getOwner().isEquivalentTo(DateTimeFormatter.class)
                                && (call.getTarget().getName().equals("ofPattern")
                                || call.getTarget().getName().startsWith("ofLocalized"))))
                .because("Swedish numbers and dates are formatted in one place, with one set of symbols");
    }

    /**
     * {@code String.format} and {@code String.formatted} write text for machines (SVG coordinates, CSS, XML, code
     * point names), never numbers or dates for readers: only in {@code textPackage} and the classes of
     * {@code machineText} (class name → why), so a new use is looked at.
     */
    public static ArchRule stringFormatOnlyForMachineText(String root, String textPackage,
                                                          Map<String, String> machineText) {
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(textPackage + "..")
                .and(DescribedPredicate.describe("are not listed as writing text for machines",
                        c -> !machineText.containsKey(c.getName().replaceAll("\\$.*", ""))))
                .should().callMethodWhere(DescribedPredicate.describe("String.format or String.formatted",
                        call -> call.getTarget().getOwner().isEquivalentTo(String.class)
                                && (call.getTarget().getName().equals("format")
                                || call.getTarget().getName().equals("formatted"))))
                .because("numbers and dates for readers come from SwedishFormat, texts from the bundle");
    }

    static String feature(String root, JavaClass javaClass) {
        String rest = javaClass.getPackageName().length() > root.length()
                ? javaClass.getPackageName().substring(root.length() + 1) : "";
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** The table a dependency reaches (its jOOQ class name, e.g. "FollowUpItem"), or null when it is no table. */
    static String table(String jooqPackage, Dependency d) {
        JavaClass target = d.getTargetClass();
        while (target.isArray()) {
            target = target.getComponentType();
        }
        String pkg = target.getPackageName();
        if (pkg.equals(jooqPackage + ".tables")) {
            return target.getSimpleName().isEmpty() ? null : target.getSimpleName().replaceAll("\\$.*", "");
        }
        if (pkg.equals(jooqPackage + ".tables.records")) {
            return target.getSimpleName().replaceAll("Record$", "");
        }
        if (target.getName().equals(jooqPackage + ".Tables")) {
            // Tables.FOLLOW_UP_ITEM: the constant's name tells the table
            String description = d.getDescription();
            int i = description.indexOf("Tables." );
            if (i >= 0) {
                String constant = description.substring(i + 7).replaceAll("[^A-Z0-9_].*", "");
                if (!constant.isEmpty()) {
                    return camel(constant);
                }
            }
        }
        return null;
    }

    static String camel(String constant) {
        StringBuilder out = new StringBuilder();
        for (String part : constant.toLowerCase().split("_")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }
}
