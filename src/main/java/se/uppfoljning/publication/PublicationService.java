package se.uppfoljning.publication;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.uppfoljning.appendix.AppendixFile;
import se.uppfoljning.appendix.AppendixFormat;
import se.uppfoljning.appendix.AppendixKind;
import se.uppfoljning.appendix.AppendixService;
import se.uppfoljning.audit.AuditActions;
import se.uppfoljning.audit.AuditService;
import se.uppfoljning.base.error.NotFoundException;
import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.base.security.AppUserPrincipal;
import se.uppfoljning.base.security.CommitteeAccess;
import se.uppfoljning.base.security.CurrentUser;
import se.uppfoljning.base.security.Right;
import se.uppfoljning.base.security.SystemUser;
import se.uppfoljning.finance.FinanceService;
import se.uppfoljning.finance.FinanceSummary;
import se.uppfoljning.finance.FinanceTable;
import se.uppfoljning.followup.AssignmentSection;
import se.uppfoljning.followup.FollowUpOverview;
import se.uppfoljning.followup.FollowUpRow;
import se.uppfoljning.followup.FollowUpService;
import se.uppfoljning.followup.GoalSection;
import se.uppfoljning.organisation.Committee;
import se.uppfoljning.organisation.Organisation;
import se.uppfoljning.organisation.OrganisationService;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.periods.PeriodDetails;
import se.uppfoljning.periods.PeriodService;
import se.uppfoljning.periods.PeriodState;
import se.uppfoljning.publication.internal.PublicationRepository;
import se.uppfoljning.structure.ItemKind;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The public face of decided reports: what a resident may read without an account, and the administrators' switch
 * per committee. A period is public only when its committee's publication is on and the period is decided; anything
 * else – an open or submitted period, a committee not turned on, an unknown address – is the same 404
 * ({@link NotFoundException} "public.error.notFound"), so the public pages do not even tell what exists.
 * <p>
 * Public reads go through the same services as the application's own views, run as the application itself
 * ({@link SystemUser}), and are mapped to records that carry no user's name. A decided period cannot change while it
 * stays decided (the database lock), so its public report is cached by period and decision time.
 */
@Service
@Transactional(readOnly = true)
public class PublicationService {

    private final PublicationRepository repository;
    private final OrganisationService organisation;
    private final PeriodService periods;
    private final FollowUpService followUp;
    private final FinanceService finance;
    private final AppendixService appendices;
    private final AuditService audit;
    private final Messages messages;
    private final Cache<CacheKey, PublicReport> reports = Caffeine.newBuilder()
            .maximumSize(500).expireAfterAccess(Duration.ofHours(12)).build();

    private record CacheKey(long periodId, OffsetDateTime decidedAt) {
    }

    /**
     * The answer of the gate for an address, kept for a few seconds: a burst of readers costs one check, and turning
     * publication off or reopening the period takes effect within {@link #GATE_SECONDS} seconds.
     */
    static final int GATE_SECONDS = 5;
    private final Cache<String, List<PublicFinanceLine>> financeLines = Caffeine.newBuilder()
            .maximumSize(100).build();
    private final Cache<String, PublicReport> recent = Caffeine.newBuilder()
            .maximumSize(1_000).expireAfterWrite(Duration.ofSeconds(GATE_SECONDS)).build();

    PublicationService(PublicationRepository repository, OrganisationService organisation, PeriodService periods,
                       FollowUpService followUp, FinanceService finance, AppendixService appendices,
                       AuditService audit, Messages messages) {
        this.repository = repository;
        this.organisation = organisation;
        this.periods = periods;
        this.followUp = followUp;
        this.finance = finance;
        this.appendices = appendices;
        this.audit = audit;
        this.messages = messages;
    }

    /** Every organisation using the application (their public start pages). */
    @PreAuthorize("permitAll()")
    public List<PublicOrganisation> organisations() {
        return SystemUser.call(() -> organisation.organisations().stream()
                .map(o -> new PublicOrganisation(o.slug(), o.name())).toList());
    }

    /** The organisation's published committees and their decided periods; unknown organisation → 404. */
    @PreAuthorize("permitAll()")
    public PublicIndex index(String organisationSlug) {
        return SystemUser.call(() -> {
            Organisation org = organisationOrNotFound(organisationSlug);
            List<Committee> committees = organisation.committeesOf(org);
            Set<Long> enabled = repository.enabled(committees.stream().map(Committee::id).toList());
            List<PublicIndex.Entry> entries = committees.stream()
                    .filter(c -> enabled.contains(c.id()))
                    .map(c -> new PublicIndex.Entry(committee(c), periods.periods(c.slug()).stream()
                            .filter(p -> p.state() == PeriodState.DECIDED)
                            .map(PublicationService::period)
                            .toList()))
                    .toList();
            return new PublicIndex(new PublicOrganisation(org.slug(), org.name()), entries);
        });
    }

    /** The decided period's public report; not public (see the class) → 404. */
    @PreAuthorize("permitAll()")
    public PublicReport report(String organisationSlug, String committeeSlug, String periodSlug) {
        String address = organisationSlug + "/" + committeeSlug + "/" + periodSlug;
        PublicReport known = recent.getIfPresent(address);
        if (known != null) {
            return known;
        }
        PublicReport report = SystemUser.call(() -> {
            Published published = published(organisationSlug, committeeSlug, periodSlug);
            return reports.get(new CacheKey(published.details().id(), published.details().decidedAt()),
                    key -> build(published));
        });
        recent.put(address, report);
        return report;
    }

    /** The decided period's finance tables, line by line, in kronor; not public → 404. */
    @PreAuthorize("permitAll()")
    public List<PublicFinanceLine> financeLines(String organisationSlug, String committeeSlug, String periodSlug) {
        // the same gate and the same decided content as the report, so the lines are kept by its hash
        PublicReport report = report(organisationSlug, committeeSlug, periodSlug);
        return financeLines.get(report.etag(), etag -> SystemUser.call(() -> {
            Published published = published(organisationSlug, committeeSlug, periodSlug);
            List<PublicFinanceLine> lines = new ArrayList<>();
            for (FinanceTable table : finance.overview(published.context()).tables()) {
                for (FinanceTable.Line line : table.lines()) {
                    var f = line.figures();
                    lines.add(new PublicFinanceLine(table.levelCode(), table.levelName(), table.cut().fileName(),
                            line.kind().name(), line.group(), line.code(), line.name(), f.prevPeriodOutcome(),
                            f.prevYearClosed(), f.outcomeToDate(), f.budgetToDate(), f.originalBudget(), f.budget(),
                            f.forecast(), f.deviation()));
                }
            }
            return List.copyOf(lines);
        }));
    }

    /**
     * A stored document of the decided period, byte for byte as stored at the decision; never rendered anew. Not
     * public, or no stored file → 404.
     */
    @PreAuthorize("permitAll()")
    public AppendixFile document(String organisationSlug, String committeeSlug, String periodSlug, AppendixKind kind,
                                 AppendixFormat format) {
        return SystemUser.call(() -> {
            Published published = published(organisationSlug, committeeSlug, periodSlug);
            if (appendices.storedSha256(published.context(), kind, format).isEmpty()) {
                throw notFound();
            }
            return appendices.generate(published.context(), kind, format);
        });
    }

    /** The publication switch of each committee the current user administers. */
    @PreAuthorize("isAuthenticated()")
    public List<PublicationSetting> settings() {
        List<Committee> administered = organisation.committeesOfCurrentUser().stream()
                .filter(c -> CommitteeAccess.holds(c.id(), Right.PUBLISH)).toList();
        Set<Long> enabled = repository.enabled(administered.stream().map(Committee::id).toList());
        return administered.stream().map(c -> setting(c, enabled.contains(c.id()))).toList();
    }

    /** The committee's switch (administrators of the committee). */
    @PreAuthorize("@committeeAccess.may(#committeeSlug, 'PUBLISH')")
    public PublicationSetting setting(String committeeSlug) {
        Committee committee = organisation.committee(committeeSlug);
        return setting(committee, repository.isEnabled(committee.id()));
    }

    /**
     * Turns the public pages of the committee's decided reports on or off (administrators of the committee only; not
     * a member → 403 AccessDeniedException, unknown → 404). Recorded in the audit log.
     */
    @Transactional
    @PreAuthorize("@committeeAccess.may(#committeeSlug, 'PUBLISH')")
    public PublicationSetting setEnabled(String committeeSlug, boolean enabled) {
        Committee committee = organisation.committee(committeeSlug);
        AppUserPrincipal user = CurrentUser.get();
        repository.set(committee.id(), enabled, user.username());
        recent.invalidateAll(); // on this node at once; other nodes within GATE_SECONDS
        audit.record(committee.id(), AuditActions.PUBLICATION_CHANGED, committee.name(),
                messages.get(enabled ? "publication.audit.on" : "publication.audit.off"));
        return setting(committee, enabled);
    }

    /** "/offentlig/orebro/ks/2024-dr1" */
    public static String periodPath(String organisationSlug, String committeeSlug, String periodSlug) {
        return "/offentlig/" + organisationSlug + "/" + committeeSlug + "/" + periodSlug;
    }

    /** "bilaga-2.pdf": a stored document's name below its period's address. */
    public static String documentPath(AppendixKind kind, AppendixFormat format) {
        return kind.slug() + "." + format.extension();
    }

    private PublicationSetting setting(Committee committee, boolean enabled) {
        Organisation org = organisation.organisationOf(committee);
        return new PublicationSetting(committee.slug(), committee.name(), enabled,
                "/offentlig/" + org.slug());
    }

    private record Published(Organisation organisation, CommitteeContext context, PeriodDetails details) {
    }

    /** The period if it is public; otherwise the one 404 for everything that is not. Runs as the system user. */
    private Published published(String organisationSlug, String committeeSlug, String periodSlug) {
        Organisation org = organisationOrNotFound(organisationSlug);
        CommitteeContext context;
        try {
            context = periods.context(committeeSlug, periodSlug);
        } catch (NotFoundException e) {
            throw notFound();
        }
        if (context.committee().organisationId() != org.id() || context.period().state() != PeriodState.DECIDED
                || !repository.isEnabled(context.committee().id())) {
            throw notFound();
        }
        PeriodDetails details = periods.period(committeeSlug, periodSlug);
        return new Published(org, context, details);
    }

    private Organisation organisationOrNotFound(String slug) {
        try {
            return organisation.organisation(slug);
        } catch (NotFoundException e) {
            throw notFound();
        }
    }

    private static NotFoundException notFound() {
        return new NotFoundException("public.error.notFound");
    }

    private PublicReport build(Published published) {
        CommitteeContext context = published.context();
        FollowUpOverview overview = followUp.overview(context);
        List<PublicReport.Area> areas = overview.areas().stream().map(area -> {
            List<PublicReport.Table> tables = new ArrayList<>();
            for (GoalSection goal : area.goals()) {
                tables.add(new PublicReport.Table(
                        messages.get("report.strategicGoal", String.valueOf(goal.number()), goal.text()),
                        messages.get(goal.kind() == ItemKind.INDICATOR ? "report.indicators" : "report.committeeGoals"),
                        messages.get("report.goalStatus"),
                        goal.rows().stream().map(r -> row(area.name(), r)).toList()));
            }
            for (AssignmentSection section : area.assignments()) {
                tables.add(new PublicReport.Table(null,
                        messages.get(section.carriedOver() ? "report.carriedAssignments" : "report.assignments",
                                String.valueOf(section.osbYear())),
                        messages.get("report.assignmentStatus"),
                        section.rows().stream().map(r -> row(area.name(), r)).toList()));
            }
            return new PublicReport.Area(area.name(), tables);
        }).toList();

        FinanceSummary summary = finance.summary(context);
        PublicReport.BalancedBudget balanced = null;
        if (summary.balancedBudget() != null && summary.balancedBudget().status() != null) {
            var b = summary.balancedBudget();
            balanced = new PublicReport.BalancedBudget(b.goal(), b.status(), b.comment(), b.thresholdPercent(),
                    b.forecast(), b.budget(), b.deviation(), b.deviationPercent());
        }

        List<PublicDocument> documents = new ArrayList<>();
        for (AppendixKind kind : List.of(AppendixKind.BILAGA_1, AppendixKind.BILAGA_2)) {
            for (AppendixFormat format : List.of(AppendixFormat.PDF, AppendixFormat.DOCX)) {
                appendices.storedSha256(context, kind, format).ifPresent(sha -> documents.add(new PublicDocument(
                        kind.name(), appendices.title(kind), format.name(), appendices.fileName(context, kind, format),
                        sha, documentPath(kind, format))));
            }
        }
        Organisation org = published.organisation();
        return new PublicReport(new PublicOrganisation(org.slug(), org.name()), committee(context.committee()),
                period(published.details()), areas, overview.progress(), balanced, documents,
                etag(published.details(), documents));
    }

    private static PublicReport.Row row(String area, FollowUpRow r) {
        return new PublicReport.Row(r.id(), area, r.strategicGoalNumber(), r.kind().name(), r.number(),
                r.printedText(), r.targetText(), r.owner(), r.status(), r.statusTone(), r.comment(),
                r.derivedFromFinance());
    }

    private static PublicCommittee committee(Committee c) {
        return new PublicCommittee(c.slug(), c.code(), c.name());
    }

    private static PublicPeriod period(PeriodDetails p) {
        var d = p.decision();
        return new PublicPeriod(p.slug(), p.name(), p.year(), p.endDate(),
                d == null ? null : new PublicReport.Decision(d.body(), d.date(), d.paragraph(), d.diaryNumber()));
    }

    /** A hash of what was decided: the stored documents' SHA-256 and the decision's time. */
    private static String etag(PeriodDetails details, List<PublicDocument> documents) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(String.valueOf(details.decidedAt()).getBytes(StandardCharsets.UTF_8));
            for (PublicDocument document : documents) {
                digest.update(document.sha256().getBytes(StandardCharsets.US_ASCII));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
