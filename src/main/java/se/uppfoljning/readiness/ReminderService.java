package se.uppfoljning.readiness;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.uppfoljning.audit.AuditActions;
import se.uppfoljning.audit.AuditService;
import se.uppfoljning.base.error.ConflictException;
import se.uppfoljning.base.error.NotFoundException;
import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.notifications.MailMessage;
import se.uppfoljning.notifications.Mailer;
import se.uppfoljning.notifications.NewNotification;
import se.uppfoljning.notifications.NotificationService;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.periods.PeriodDetails;
import se.uppfoljning.periods.PeriodService;
import se.uppfoljning.periods.PeriodState;
import se.uppfoljning.readiness.DepartmentCompleteness.IncompleteItem;
import se.uppfoljning.readiness.DepartmentCompleteness.Owner;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The secretariat reminds the officials of incomplete departments: an in-app notification for each, and — when an
 * SMTP server is configured — an e-mail to those with an address. Notifications and the audit entry are committed
 * first; mail is sent after the commit, so a failing mail server never takes the notifications back.
 */
@Service
public class ReminderService {

    private static final Logger log = LoggerFactory.getLogger(ReminderService.class);
    /** Items listed in a mail; the rest are counted. */
    private static final int MAX_ITEMS_IN_MAIL = 30;

    private final CompletenessService completeness;
    private final PeriodService periods;
    private final NotificationService notifications;
    private final Mailer mailer;
    private final AuditService audit;
    private final Messages messages;
    private final TransactionTemplate transaction;
    private final String baseUrl;

    ReminderService(CompletenessService completeness, PeriodService periods,
                    NotificationService notifications, Mailer mailer, AuditService audit, Messages messages,
                    PlatformTransactionManager transactionManager,
                    @Value("${app.base-url:http://localhost:8080}") String baseUrl) {
        this.completeness = completeness;
        this.periods = periods;
        this.notifications = notifications;
        this.mailer = mailer;
        this.audit = audit;
        this.messages = messages;
        this.transaction = new TransactionTemplate(transactionManager);
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Who would be reminded: the departments (one, or all incomplete ones) and how many people. */
    public record ReminderPlan(List<DepartmentCompleteness> departments, int recipients, int withEmail,
                               boolean mailEnabled, List<String> departmentsWithoutOfficials) {
    }

    /** What a sending did. */
    public record ReminderResult(int departments, int notifications, int mailsSent, int mailsFailed,
                                 int withoutEmail, List<String> departmentsWithoutOfficials) {
    }

    /** {@code departmentId} null: every incomplete department. */
    @PreAuthorize("@committeeAccess.may(#committeeSlug, 'WORK_ON_REPORT')")
    public ReminderPlan plan(String committeeSlug, String periodSlug, Long departmentId) {
        CommitteeContext context = periods.context(committeeSlug, periodSlug);
        return plan(context, departmentId);
    }

    private ReminderPlan plan(CommitteeContext context, Long departmentId) {
        PeriodCompleteness all = transaction.execute(status -> completeness.compute(context));
        List<DepartmentCompleteness> chosen;
        if (departmentId == null) {
            chosen = all.incompleteDepartments().stream().filter(d -> d.departmentId() != null).toList();
        } else {
            chosen = all.departments().stream().filter(d -> departmentId.equals(d.departmentId())).toList();
            if (chosen.isEmpty()) {
                throw new NotFoundException("followup.error.departmentNotFound", String.valueOf(departmentId));
            }
        }
        List<Owner> owners = chosen.stream().flatMap(d -> d.owners().stream()).toList();
        return new ReminderPlan(chosen, owners.size(), (int) owners.stream().filter(o -> o.email() != null).count(),
                mailer.enabled(), chosen.stream().filter(d -> d.owners().isEmpty())
                .map(DepartmentCompleteness::department).toList());
    }

    /**
     * Sends the reminder (secretariat or admin, open period only). {@code departmentId} null: every incomplete
     * department. Runs its own transaction, then mails after the commit.
     */
    @PreAuthorize("@committeeAccess.may(#committeeSlug, 'WORK_ON_REPORT')")
    public ReminderResult send(String committeeSlug, String periodSlug, Long departmentId) {
        CommitteeContext context = periods.context(committeeSlug, periodSlug);
        if (context.period().state() != PeriodState.OPEN) {
            throw new ConflictException("reminder.error.notOpen", context.period().name());
        }
        List<MailMessage> mails = new ArrayList<>();
        ReminderPlan plan = Objects.requireNonNull(transaction.execute(status -> {
            ReminderPlan p = plan(context, departmentId);
            PeriodDetails period = completeness.compute(context).period();
            List<NewNotification> created = new ArrayList<>();
            for (DepartmentCompleteness d : p.departments()) {
                String title = title(period);
                String missing = completeness.describeMissing(d);
                String link = "uppfoljning?namnd=" + context.committee().slug() + "&period=" + period.slug()
                        + "&avdelning=" + d.departmentId();
                String body = messages.get(period.deadline() == null ? "reminder.body.noDeadline" : "reminder.body",
                        d.department(), period.name(), Messages.date(period.deadline()),
                        Messages.integer(d.incomplete().size()), Messages.integer(d.items()),
                        missing.isEmpty() ? messages.get("reminder.nothingMissing") : missing);
                for (Owner owner : d.owners()) {
                    created.add(new NewNotification(owner.userId(), context.committee().id(), title, body, link));
                    if (owner.email() != null) {
                        mails.add(new MailMessage(owner.email(), title, mailText(owner, d, body, link)));
                    }
                }
            }
            notifications.create(created);
            audit.record(context.committee().id(), AuditActions.REMINDER_SENT, period.name(),
                    messages.get("reminder.audit", p.departments().stream().map(DepartmentCompleteness::department)
                            .reduce((a, b) -> a + ", " + b).orElse("–"), String.valueOf(created.size()),
                            String.valueOf(mailer.enabled() ? mails.size() : 0)));
            return p;
        }));
        Mailer.Outcome outcome = mailer.send(mails); // after the commit: a failing server keeps the notifications
        if (outcome.failed() > 0) {
            log.warn("Påminnelse för {} {}: {} av {} e-postmeddelanden kunde inte skickas", context.committee().slug(),
                    context.period().slug(), outcome.failed(), mails.size());
        }
        return new ReminderResult(plan.departments().size(), plan.recipients(), outcome.sent(), outcome.failed(),
                plan.recipients() - plan.withEmail(), plan.departmentsWithoutOfficials());
    }

    /** "Påminnelse: Delårsrapport med prognos 2 2024 – senast 13 september 2024" */
    String title(PeriodDetails period) {
        return period.deadline() == null ? messages.get("reminder.title.noDeadline", period.name())
                : messages.get("reminder.title", period.name(), Messages.date(period.deadline()));
    }

    private String mailText(Owner owner, DepartmentCompleteness d, String body, String link) {
        StringBuilder text = new StringBuilder();
        text.append(messages.get("reminder.mail.greeting", owner.name())).append("\n\n").append(body).append("\n\n");
        List<IncompleteItem> items = d.incomplete();
        items.stream().limit(MAX_ITEMS_IN_MAIL).forEach(item -> text.append("- ").append(item.printedText())
                .append(" (").append(completeness.describeMissing(item)).append(")\n"));
        if (items.size() > MAX_ITEMS_IN_MAIL) {
            text.append(messages.get("reminder.mail.more", Messages.integer(items.size() - MAX_ITEMS_IN_MAIL)))
                    .append('\n');
        }
        text.append('\n').append(messages.get("reminder.mail.link", baseUrl + "/" + link)).append("\n\n")
                .append(messages.get("reminder.mail.signature")).append('\n');
        return text.toString();
    }
}
