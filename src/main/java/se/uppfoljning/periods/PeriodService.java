package se.uppfoljning.periods;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PostAuthorize;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.uppfoljning.audit.AuditActions;
import se.uppfoljning.audit.AuditService;
import se.uppfoljning.base.error.ConflictException;
import se.uppfoljning.base.error.NotFoundException;
import se.uppfoljning.base.error.ValidationException;
import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.base.security.AppUserPrincipal;
import se.uppfoljning.base.security.CommitteeAccess;
import se.uppfoljning.base.security.CurrentUser;
import se.uppfoljning.base.security.Membership;
import se.uppfoljning.base.security.Right;
import se.uppfoljning.base.text.InputText;
import se.uppfoljning.organisation.Committee;
import se.uppfoljning.organisation.OrganisationService;
import se.uppfoljning.periods.internal.PeriodRepository;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The life of a reporting period: created (with the previous period's statuses and comments as drafts), open →
 * under review → decided and locked (decision body, date, §, diary number; Bilaga 1 and 2 stored as decided), and
 * reopened only by an administrator with a reason. Every transition is recorded. The lock itself is enforced by the
 * database (db-migrations/020-periods.sql).
 */
@Service
@Transactional(readOnly = true)
public class PeriodService {

    private static final Logger log = LoggerFactory.getLogger(PeriodService.class);

    private final PeriodRepository repository;
    private final Clock clock;
    private final OrganisationService organisation;
    private final ApplicationEventPublisher events;
    private final AuditService audit;
    private final Messages messages;

    PeriodService(PeriodRepository repository, OrganisationService organisation, ApplicationEventPublisher events,
                  AuditService audit, Messages messages, Clock clock) {
        this.clock = clock;
        this.audit = audit;
        this.messages = messages;
        this.repository = repository;
        this.organisation = organisation;
        this.events = events;
    }

    /** The current user's committees with their periods (newest first), read at once for the layout and views. */
    @PreAuthorize("isAuthenticated()")
    public Map<Committee, List<ReportingPeriod>> committeesWithPeriodsOfCurrentUser() {
        AppUserPrincipal user = CurrentUser.get();
        return repository.committeesWithPeriods(user.memberships().stream().map(Membership::committeeId).toList(),
                user.isSystem());
    }

    /**
     * The period the current user starts on in the committee, of {@code periods} (its periods newest first, as
     * {@link #committeesWithPeriodsOfCurrentUser} gives them): someone who only reads the committee's reports (a
     * politician) the latest decided report, which is complete with finance and appendices; everyone who works on the
     * report the latest period. Empty when there is none.
     */
    @PreAuthorize("@committeeAccess.member(#committee)")
    public Optional<ReportingPeriod> startPeriod(Committee committee, List<ReportingPeriod> periods) {
        if (CommitteeAccess.readsOnly(committee.id())) {
            Optional<ReportingPeriod> decided = periods.stream().filter(ReportingPeriod::isLocked).findFirst();
            if (decided.isPresent()) {
                return decided;
            }
        }
        return periods.stream().findFirst();
    }

    /** The committee and one of its periods; unknown committee or period → 404, not a member → 403. */
    @PreAuthorize("isAuthenticated()")
    @PostAuthorize("@committeeAccess.member(returnObject)") // one look-up: the found context is the scope
    public CommitteeContext context(String committeeSlug, String periodSlug) {
        return repository.context(committeeSlug, periodSlug).orElseThrow(() -> {
            organisation.committeeIdOf(committeeSlug); // an unknown committee is a 404 of its own
            return new NotFoundException("error.periodNotFound", periodSlug);
        });
    }

    /** The committee's periods as the scope's records, newest end date first. */
    @PreAuthorize("@committeeAccess.member(#committeeId)")
    public List<ReportingPeriod> periods(long committeeId) {
        return repository.reportingPeriods(committeeId);
    }

    /** The committee's periods, newest end date first. */
    @PreAuthorize("@committeeAccess.member(#committeeSlug)")
    public List<PeriodDetails> periods(String committeeSlug) {
        Committee committee = organisation.committee(committeeSlug);
        return repository.periods(committee.id());
    }

    @PreAuthorize("@committeeAccess.member(#committeeSlug)")
    public PeriodDetails period(String committeeSlug, String periodSlug) {
        return details(context(committeeSlug, periodSlug));
    }

    /** What the current user may do with the committee's periods (for the view: it never asks for roles). */
    @PreAuthorize("@committeeAccess.member(#committee)")
    public PeriodRights rights(Committee committee) {
        return new PeriodRights(CommitteeAccess.holds(committee.id(), Right.MANAGE_PERIODS),
                CommitteeAccess.holds(committee.id(), Right.REOPEN_PERIOD));
    }

    /** The period of the context with its deadline and decision; members of the committee. */
    @PreAuthorize("@committeeAccess.member(#context)")
    public PeriodDetails period(CommitteeContext context) {
        return details(context);
    }

    @PreAuthorize("@committeeAccess.member(#committeeSlug)")
    public List<PeriodEvent> events(String committeeSlug, String periodSlug) {
        return repository.events(context(committeeSlug, periodSlug).period().id());
    }

    /** "2024-dr2" */
    public static String slug(PeriodKind kind, int year) {
        return year + "-" + (kind == PeriodKind.ANNUAL ? "ar" : kind.name().toLowerCase(Locale.ROOT));
    }

    /** "Delårsrapport med prognos 2 2024", "Årsredovisning 2024" */
    public static String name(PeriodKind kind, int year) {
        return switch (kind) {
            case DR1 -> Messages.text("period.name.DR1", String.valueOf(year));
            case DR2 -> Messages.text("period.name.DR2", String.valueOf(year));
            case ANNUAL -> Messages.text("period.name.ANNUAL", String.valueOf(year));
        };
    }

    /**
     * Creates a period (secretariat or admin). The statuses and comments of the committee's latest earlier period
     * become drafts of the new one, marked "från föregående period" until someone saves or confirms them.
     */
    @Transactional
    @PreAuthorize("@committeeAccess.may(#committeeSlug, 'MANAGE_PERIODS')")
    public PeriodDetails create(String committeeSlug, NewPeriod period) {
        Committee committee = organisation.committee(committeeSlug);
        AppUserPrincipal user = CurrentUser.get();
        if (period == null || period.kind() == null || period.endDate() == null || period.year() < 2000
                || period.year() > 2100) {
            throw new ValidationException("period.error.incomplete");
        }
        if (period.deadline() != null && period.deadline().isBefore(period.endDate())) {
            throw new ValidationException("period.error.deadlineBeforeEnd");
        }
        String slug = slug(period.kind(), period.year());
        List<ReportingPeriod> existing = periods(committee.id());
        if (existing.stream().anyMatch(p -> p.slug().equals(slug))) {
            throw new ConflictException("period.error.exists", slug);
        }
        ReportingPeriod created = repository.insertPeriod(committee.id(), slug, name(period.kind(), period.year()),
                period.kind(), period.year(), period.endDate());
        repository.setDeadline(created.id(), period.deadline());
        repository.insertEvent(created.id(), null, PeriodState.OPEN, null, null, user.username(), now());
        CommitteeContext previous = existing.stream()
                .filter(p -> p.endDate().isBefore(period.endDate()))
                .findFirst() // newest end date first
                .map(p -> new CommitteeContext(committee, p)).orElse(null);
        events.publishEvent(new PeriodCreated(new CommitteeContext(committee, created), previous));
        audit.record(committee.id(), AuditActions.PERIOD_CREATED, created.name(),
                period.deadline() == null ? messages.get("period.audit.created", period.endDate().toString())
                        : messages.get("period.audit.createdWithDeadline", period.endDate().toString(),
                        period.deadline().toString()));
        log.info("{} skapade perioden {} för {}", user.username(), slug, committee.slug());
        return repository.period(created.id()).orElseThrow();
    }

    /**
     * Inserts a bare open period: no drafts from the previous period, no event (demo data and tests; {@link #create}
     * is the secretariat's way).
     */
    @Transactional
    @PreAuthorize("@committeeAccess.may(#committeeId, 'MANAGE_PERIODS')")
    public ReportingPeriod createPeriod(long committeeId, String slug, String name, PeriodKind kind, int year,
                                        LocalDate endDate) {
        return repository.insertPeriod(committeeId, slug, name, kind, year, endDate);
    }

    /** Open → under review (secretariat). */
    @Transactional
    @PreAuthorize("@committeeAccess.may(#committeeSlug, 'MANAGE_PERIODS')")
    public PeriodDetails submitForReview(String committeeSlug, String periodSlug) {
        return move(committeeSlug, periodSlug, PeriodState.OPEN, PeriodState.REVIEW, null);
    }

    /** Under review → open again, before any decision (secretariat). */
    @Transactional
    @PreAuthorize("@committeeAccess.may(#committeeSlug, 'MANAGE_PERIODS')")
    public PeriodDetails returnToOpen(String committeeSlug, String periodSlug) {
        return move(committeeSlug, periodSlug, PeriodState.REVIEW, PeriodState.OPEN, null);
    }

    /**
     * Records the decision of a period under review and locks it (secretariat): Bilaga 1 and 2 are generated as Word
     * and PDF and stored with their SHA-256, so the decided appendix downloaded later is exactly this one.
     */
    @Transactional
    @PreAuthorize("@committeeAccess.may(#committeeSlug, 'MANAGE_PERIODS')")
    public PeriodDetails decide(String committeeSlug, String periodSlug, Decision decision) {
        CommitteeContext context = context(committeeSlug, periodSlug);
        AppUserPrincipal user = CurrentUser.get();
        if (decision == null || blank(decision.body()) || decision.date() == null || blank(decision.paragraph())) {
            throw new ValidationException("period.error.decisionIncomplete");
        }
        Decision clean = new Decision(InputText.cleanLine(messages.get("period.field.body"), decision.body()), decision.date(),
                InputText.cleanLine(messages.get("period.field.paragraph"), decision.paragraph()),
                blank(decision.diaryNumber()) ? null : InputText.cleanLine(messages.get("period.field.diaryNumber"),
                        decision.diaryNumber()));
        // before anything is rendered: the documents then hold every save committed before the lock, and no later one
        if (repository.lockForDecision(context.period().id()) != PeriodState.REVIEW) {
            throw wrongState(context.period(), PeriodState.REVIEW);
        }
        OffsetDateTime now = now();
        long eventId = repository.insertEvent(context.period().id(), PeriodState.REVIEW, PeriodState.DECIDED, null,
                clean, user.username(), now);
        events.publishEvent(new PeriodDeciding(context, eventId, clean));
        if (!repository.decide(context.period().id(), PeriodState.REVIEW, clean, user.username(), now)) {
            throw wrongState(context.period(), PeriodState.REVIEW);
        }
        audit.record(context.committee().id(), AuditActions.PERIOD_DECIDED, context.period().name(),
                clean.body() + " " + clean.date() + " " + clean.paragraph()
                        + (clean.diaryNumber() == null ? "" : " (" + clean.diaryNumber() + ")")
                        + messages.get("period.audit.decidedAndLocked"));
        log.info("{} registrerade beslutet om {} för {}: {} {} {}", user.username(), periodSlug, committeeSlug,
                clean.body(), clean.date(), clean.paragraph());
        return repository.period(context.period().id()).orElseThrow();
    }

    /** Decided → open again: administrators only, with a reason that is kept with the period's record. */
    @Transactional
    @PreAuthorize("@committeeAccess.may(#committeeSlug, 'REOPEN_PERIOD')")
    public PeriodDetails reopen(String committeeSlug, String periodSlug, String reason) {
        if (blank(reason)) {
            context(committeeSlug, periodSlug); // an unknown period is a 404 before the missing reason
            throw new ValidationException("period.error.reasonRequired");
        }
        return move(committeeSlug, periodSlug, PeriodState.DECIDED, PeriodState.OPEN,
                InputText.clean(messages.get("period.field.reason"), reason).strip());
    }

    private PeriodDetails move(String committeeSlug, String periodSlug, PeriodState from, PeriodState to,
                               String reason) {
        CommitteeContext context = context(committeeSlug, periodSlug);
        AppUserPrincipal user = CurrentUser.get();
        if (context.period().state() != from || !repository.transition(context.period().id(), from, to)) {
            throw wrongState(context.period(), from);
        }
        repository.insertEvent(context.period().id(), from, to, reason, null, user.username(), now());
        audit.record(context.committee().id(), from == PeriodState.DECIDED ? AuditActions.PERIOD_REOPENED
                        : AuditActions.PERIOD_MOVED, context.period().name(),
                messages.get("period.state." + from) + " → " + messages.get("period.state." + to)
                        + (reason == null ? "" : ": " + reason));
        log.info("{} flyttade {} för {} från {} till {}{}", user.username(), periodSlug, committeeSlug, from, to,
                reason == null ? "" : " (" + reason + ")");
        return repository.period(context.period().id()).orElseThrow();
    }

    private PeriodDetails details(CommitteeContext context) {
        return repository.period(context.period().id())
                .orElseThrow(() -> new NotFoundException("error.periodNotFound", context.period().slug()));
    }

    private static ConflictException wrongState(ReportingPeriod period, PeriodState expected) {
        return new ConflictException("period.error.wrongState", period.name());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
