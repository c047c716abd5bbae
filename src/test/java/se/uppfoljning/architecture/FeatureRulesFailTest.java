package se.uppfoljning.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.prepost.PreAuthorize;
import se.uppfoljning.architecture.FeatureRules.KnownDependency;
import se.uppfoljning.base.security.AppUserPrincipal;
import se.uppfoljning.base.security.CommitteeAccess;
import se.uppfoljning.base.security.CommitteeScoped;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each guard of {@code ArchitectureTest} fails on a deliberate violation: the fixture package holds a base that
 * knows a feature, two features in a cycle, a repository using another feature's table, a service method without
 * a declared rule, committee-scoped methods deciding without the access bean, code asking for roles, a view
 * deciding rights and a feature formatting numbers and dates by itself. Each rule is also shown to pass once the violation is allowed, so it fails for that reason only.
 */
public class FeatureRulesFailTest {

    /** Stands in for Spring's {@code @Service}, so the fixture never becomes a bean of the application. */
    @Retention(RetentionPolicy.RUNTIME)
    public @interface FixtureService {
    }

    private static final String ROOT = "se.uppfoljning.architecture.fixture";
    private static final JavaClasses FIXTURE = new ClassFileImporter().importPackages(ROOT);

    @Test
    void aCycleBetweenFeaturesFails() {
        EvaluationResult result = FeatureRules.featuresFreeOfCycles(ROOT, List.of()).evaluate(FIXTURE);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("Cycle detected").contains("alpha").contains("beta");
        assertThat(FeatureRules.featuresFreeOfCycles(ROOT, List.of(new KnownDependency("beta", "alpha")))
                .evaluate(FIXTURE).hasViolation()).isFalse();
    }

    @Test
    void baseDependingOnAFeatureFails() {
        EvaluationResult result = FeatureRules.baseDependsOnNoFeature(ROOT).evaluate(FIXTURE);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anyMatch(l -> l.contains("Kernel") && l.contains("AlphaRecord"));
    }

    @Test
    void aTableUsedOutsideItsOwningFeatureFails() {
        EvaluationResult result = FeatureRules.tablesOnlyInOwningFeature(ROOT, "se.uppfoljning.db",
                Map.of("Measure", "beta"), Map.of()).evaluate(FIXTURE);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anyMatch(l -> l.contains("AlphaRepository (feature alpha) uses table Measure owned by beta"));
        assertThat(FeatureRules.tablesOnlyInOwningFeature(ROOT, "se.uppfoljning.db", Map.of("Measure", "beta"),
                Map.of("Measure", Set.of("alpha"))).evaluate(FIXTURE).hasViolation()).isFalse();
    }

    @Test
    void aPublicServiceMethodWithoutADeclaredRuleFails() {
        EvaluationResult result = FeatureRules.publicServiceMethodsDeclareRights(ROOT, FixtureService.class,
                PreAuthorize.class).evaluate(FIXTURE);
        assertThat(result.getFailureReport().getDetails())
                .anyMatch(l -> l.contains("AlphaService.describe"))
                .noneMatch(l -> l.contains("AlphaService.declared"));
    }

    @Test
    void aViewDecidingARightFails() {
        EvaluationResult result = FeatureRules.viewsNeverDecideRights(ROOT, CommitteeAccess.class).evaluate(FIXTURE);
        assertThat(result.getFailureReport().getDetails())
                .anyMatch(l -> l.contains("AlphaView.showsEditButton") && l.contains("hasRole"))
                .anyMatch(l -> l.contains("AlphaView.showsImportButton") && l.contains("CommitteeAccess.holds"))
                .anyMatch(l -> l.contains("AlphaView.showsAdminMenu") && l.contains("isUserInRole"))
                // a service asking is another rule's business (onlyTheAccessBeanAsksForRoles): only views count here
                .noneMatch(l -> l.contains("AlphaService"));
    }

    @Test
    void formattingNumbersAndDatesOutsideTheTextPackageFails() {
        EvaluationResult result = FeatureRules.swedishFormattingOnlyInTextPackage(ROOT, ROOT + ".base.text")
                .evaluate(FIXTURE);
        assertThat(result.getFailureReport().getDetails())
                .anyMatch(l -> l.contains("AlphaFormatting.amount") && l.contains("DecimalFormat"))
                .anyMatch(l -> l.contains("AlphaFormatting.heading") && l.contains("DateTimeFormatter.ofPattern"))
                .noneMatch(l -> l.contains("FixtureFormat"));
        // passes once the feature is the text package: it fails for where the formatting is, nothing else
        assertThat(FeatureRules.swedishFormattingOnlyInTextPackage(ROOT, ROOT + ".alpha").evaluate(FIXTURE)
                .getFailureReport().getDetails()).noneMatch(l -> l.contains("AlphaFormatting"));
    }

    @Test
    void aStringFormatOutsideTheListedMachineTextFails() {
        EvaluationResult result = FeatureRules.stringFormatOnlyForMachineText(ROOT, ROOT + ".base.text", Map.of())
                .evaluate(FIXTURE);
        assertThat(result.getFailureReport().getDetails())
                .anyMatch(l -> l.contains("AlphaFormatting.count") && l.contains("String.format"))
                .noneMatch(l -> l.contains("FixtureFormat"));
        assertThat(FeatureRules.stringFormatOnlyForMachineText(ROOT, ROOT + ".base.text",
                Map.of(ROOT + ".alpha.AlphaFormatting", "a listed exception")).evaluate(FIXTURE).hasViolation())
                .isFalse();
    }

    @Test
    void aCommitteeScopedMethodDecidingWithoutTheAccessBeanFails() {
        EvaluationResult result = FeatureRules.committeeScopedMethodsUseTheAccessBean(ROOT, FixtureService.class,
                CommitteeScoped.class, Set.of("committeeSlug")).evaluate(FIXTURE);
        assertThat(result.getFailureReport().getDetails())
                .anyMatch(l -> l.contains("AlphaService.onlyAuthenticated") && l.contains("isAuthenticated()"))
                .anyMatch(l -> l.contains("AlphaService.globalRoleOnSlug") && l.contains("hasAnyRole"))
                .noneMatch(l -> l.contains("byTheAccessBean"))
                .noneMatch(l -> l.contains("AlphaService.declared"));
        // passes once nothing counts as a committee's scope: it fails for the scope, not for the rule's text alone
        assertThat(FeatureRules.committeeScopedMethodsUseTheAccessBean(ROOT, FixtureService.class, Runnable.class,
                Set.of()).evaluate(FIXTURE).hasViolation()).isFalse();
    }

    @Test
    void askingForARoleOutsideTheAccessBeanFails() {
        EvaluationResult result = FeatureRules.onlyTheAccessBeanAsksForRoles(ROOT, ROOT + ".base.security..",
                AppUserPrincipal.class).evaluate(FIXTURE);
        assertThat(result.getFailureReport().getDetails())
                .anyMatch(l -> l.contains("AlphaService.onlyAuthenticated") && l.contains("hasRole"))
                .anyMatch(l -> l.contains("AlphaView") && l.contains("hasRole"));
        assertThat(FeatureRules.onlyTheAccessBeanAsksForRoles(ROOT, ROOT + ".alpha..", AppUserPrincipal.class)
                .evaluate(FIXTURE).hasViolation()).isFalse();
    }
}
