package se.uppfoljning.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import se.uppfoljning.base.imports.TabularFile;
import se.uppfoljning.base.security.Membership;
import se.uppfoljning.base.security.Role;
import se.uppfoljning.base.security.SystemUser;
import se.uppfoljning.finance.FinanceImportService;
import se.uppfoljning.finance.FinanceService;
import se.uppfoljning.indicators.IndicatorService;
import se.uppfoljning.measures.MeasureService;
import se.uppfoljning.organisation.Committee;
import se.uppfoljning.organisation.OrganisationService;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.periods.Decision;
import se.uppfoljning.periods.NewPeriod;
import se.uppfoljning.periods.PeriodKind;
import se.uppfoljning.periods.PeriodService;
import se.uppfoljning.periods.ReportingPeriod;
import se.uppfoljning.publication.PublicationService;
import se.uppfoljning.report.ReportImportService;
import se.uppfoljning.report.SectionState;
import se.uppfoljning.structure.StructureImportService;
import se.uppfoljning.users.UserService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Demo mode (the default on the embedded database): on an empty database, loads Örebro kommun's Kommunstyrelsen
 * with the goals, indicators, assignments and measures of its interim report 1 2024 from the files in
 * {@code src/main/resources/demo}, through the same import services a secretariat uses, and one demo user per role.
 */
@Component
public class DemoDataLoader implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    public static final String DEMO_PASSWORD = "demo";

    private final OrganisationService organisation;
    private final StructureImportService structureImport;
    private final MeasureService measures;
    private final UserService users;
    private final TransactionTemplate transaction;
    private final boolean enabled;
    private final FinanceService finance;
    private final FinanceImportService financeImport;
    private final PeriodService periods;
    private final PublicationService publication;
    private final IndicatorService indicators;
    private final ReportImportService reportImport;

    DemoDataLoader(OrganisationService organisation, StructureImportService structureImport, MeasureService measures,
                   UserService users, TransactionTemplate transaction,
                   @Value("${app.demo:}") String demo, @Value("${spring.datasource.url:}") String externalUrl,
                   FinanceService finance, FinanceImportService financeImport, PeriodService periods,
                   PublicationService publication, IndicatorService indicators,
                   ReportImportService reportImport) {
        this.reportImport = reportImport;
        this.indicators = indicators;
        this.periods = periods;
        this.publication = publication;
        this.finance = finance;
        this.financeImport = financeImport;
        this.organisation = organisation;
        this.structureImport = structureImport;
        this.measures = measures;
        this.users = users;
        this.transaction = transaction;
        this.enabled = demo.isBlank() ? externalUrl.isBlank() : Boolean.parseBoolean(demo);
    }

    /**
     * Runs once every bean is ready but before the web server accepts requests, so the login page never shows before
     * the demo users exist.
     */
    @Override
    public void afterSingletonsInstantiated() {
        if (!enabled) {
            return;
        }
        if (!organisation.isEmpty()) {
            log.info("Demodata finns redan; databasen lämnas orörd");
            return;
        }
        log.info("Tom databas i demoläge: läser in demodata");
        SystemUser.run(() -> transaction.executeWithoutResult(status -> load()));
    }

    public void load() {
        long organisationId = organisation.createOrganisation("Örebro kommun");
        organisation.createPlanYear(organisationId, 2023);
        organisation.createPlanYear(organisationId, 2024);
        Map<String, Long> committees = new HashMap<>();
        Map<String, Long> departments = new HashMap<>();
        committees.put("ks", loadCommittee(organisationId, "ks", "KS", "Kommunstyrelsen", departments).id());
        committees.put("kfn", loadCommittee(organisationId, "kfn", "KFN", "Kultur- och fritidsnämnden", departments).id());
        // KS shows its decided reports on the public pages (/offentlig/orebro); KFN has not turned them on
        publication.setEnabled("ks", true);
        for (TabularFile.Row user : TabularFile.read("users.csv", bytes("demo/users.csv"), 1 << 16).rows()) {
            List<Membership> memberships = split(user.get("medlemskap")).stream()
                    .map(m -> m.split(":"))
                    .map(m -> new Membership(committees.get(m[0]), Role.valueOf(m[1])))
                    .toList();
            Set<Long> userDepartments = split(user.get("avdelningar")).stream().map(departments::get)
                    .collect(Collectors.toSet());
            users.createUser(user.get("anvandarnamn"), user.get("namn"), DEMO_PASSWORD, memberships, userDepartments,
                    user.get("epost"));
        }
    }

    /** A committee, its departments (keyed "slug:name" in {@code departments}), its period DR1 2024 and its rows. */
    private Committee loadCommittee(long organisationId, String slug, String code, String name,
                                    Map<String, Long> departments) {
        Committee committee = organisation.createCommittee(organisationId, slug, code, name);
        for (String department : text("demo/" + slug + "-departments.txt").lines().filter(l -> !l.isBlank()).toList()) {
            departments.put(slug + ":" + department.strip(),
                    organisation.createDepartment(committee.id(), department.strip()).id());
        }
        ReportingPeriod dr1 = periods.createPeriod(committee.id(), "2024-dr1", "Delårsrapport med prognos 1 2024",
                PeriodKind.DR1, 2024, LocalDate.of(2024, 3, 31));
        CommitteeContext context = new CommitteeContext(committee, dr1);
        // the demo file is the data set itself: its areas are confirmed by shipping it
        structureImport.importFile(context, slug + "-2024-dr1.csv", bytes("demo/" + slug + "-2024-dr1.csv"), true);
        if (new ClassPathResource("demo/" + slug + "-2024-indicators.csv").exists()) {
            // the seed's targets as data; no measured values (none can be had offline with a named source)
            indicators.importTargets(slug, 2024, slug + "-2024-indicators.csv", bytes("demo/" + slug + "-2024-indicators.csv"));
        }
        if (new ClassPathResource("demo/" + slug + "-2024-dr1-measures.csv").exists()) {
            measures.importFile(context, slug + "-2024-dr1-measures.csv", bytes("demo/" + slug + "-2024-dr1-measures.csv"));
        }
        if (new ClassPathResource("demo/" + slug + "-finance-levels.txt").exists()) {
            List<String> levels = text("demo/" + slug + "-finance-levels.txt").lines().filter(l -> !l.isBlank()).toList();
            for (int i = 0; i < levels.size(); i++) {
                finance.defineLevel(committee.id(), levels.get(i).split(";")[0], levels.get(i).split(";")[1], i);
            }
            financeImport.importFile(context, slug + "-2024-dr1-finance.csv", bytes("demo/" + slug + "-2024-dr1-finance.csv"));
        }
        // the report's text, one Markdown file per section, through the import a municipality uses for last year's report
        loadReport(context, "demo/report/" + slug + "-2024-dr1/");
        // DR1 decided by the committee on 3 June 2024 (locked, its appendices stored); DR2 open, with DR1's statuses
        // and comments as drafts. Paragraph and diary numbers are made up for the demo.
        periods.submitForReview(slug, dr1.slug());
        periods.decide(slug, dr1.slug(), new Decision(name, LocalDate.of(2024, 6, 3),
                "ks".equals(slug) ? "§ 101" : "§ 41", code + " 2024/0001"));
        periods.create(slug, new NewPeriod(PeriodKind.DR2, 2024, LocalDate.of(2024, 8, 31), LocalDate.of(2024, 9, 13)));
        return committee;
    }

    private void loadReport(CommitteeContext context, String folder) {
        if (!new ClassPathResource(folder).exists()) {
            return;
        }
        try {
            var resources = new PathMatchingResourcePatternResolver()
                    .getResources("classpath:" + folder + "*.md");
            List<ReportImportService.SectionFile> files = new ArrayList<>();
            for (var resource : resources) {
                try (var in = resource.getInputStream()) {
                    files.add(new ReportImportService.SectionFile(resource.getFilename(),
                            in.readAllBytes()));
                }
            }
            if (!files.isEmpty()) {
                // the decided report's text is final: confirmed, not drafts to be read through
                reportImport.importFiles(context, files, SectionState.CONFIRMED);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static byte[] bytes(String resource) {
        try (var in = new ClassPathResource(resource).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String resource) {
        return new String(bytes(resource), StandardCharsets.UTF_8);
    }
}
