package se.uppfoljning.readiness;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.base.security.AppUserPrincipal;
import se.uppfoljning.base.security.CommitteeAccess;
import se.uppfoljning.base.security.CurrentUser;
import se.uppfoljning.base.security.Right;
import se.uppfoljning.base.security.Unrestricted;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.periods.PeriodDetails;
import se.uppfoljning.periods.PeriodService;
import se.uppfoljning.readiness.DepartmentCompleteness.IncompleteItem;
import se.uppfoljning.readiness.DepartmentCompleteness.Missing;
import se.uppfoljning.readiness.DepartmentCompleteness.Owner;
import se.uppfoljning.readiness.internal.CompletenessRepository;
import se.uppfoljning.readiness.internal.CompletenessRepository.ItemState;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Completeness of a period per department, for the secretariat (all departments) and officials (their own): items
 * without status or comment, unconfirmed drafts, items not marked ready, with the department's officials.
 */
@Service
@Transactional(readOnly = true)
public class CompletenessService {

    private final CompletenessRepository repository;
    private final PeriodService periods;
    private final Messages messages;

    CompletenessService(CompletenessRepository repository, PeriodService periods, Messages messages) {
        this.repository = repository;
        this.periods = periods;
        this.messages = messages;
    }

    @PreAuthorize("@committeeAccess.may(#committeeSlug, 'SEE_COMPLETENESS')")
    public PeriodCompleteness completeness(String committeeSlug, String periodSlug) {
        CommitteeContext context = periods.context(committeeSlug, periodSlug);
        AppUserPrincipal user = CurrentUser.get();
        PeriodCompleteness all = compute(context);
        if (CommitteeAccess.holds(context.committee().id(), Right.WORK_ON_REPORT)) {
            return all;
        }
        return new PeriodCompleteness(all.period(), all.departments().stream()
                .filter(d -> d.departmentId() != null && user.departmentIds().contains(d.departmentId())).toList());
    }

    /** For services of this feature that have checked access themselves. */
    PeriodCompleteness compute(CommitteeContext context) {
        List<ItemState> items = repository.items(context.committee().id(), context.period().id(),
                context.period().year());
        Map<Long, List<Owner>> owners = repository.owners(context.committee().id());
        Map<Long, List<ItemState>> byDepartment = new LinkedHashMap<>();
        for (ItemState item : items) {
            byDepartment.computeIfAbsent(item.departmentId(), d -> new ArrayList<>()).add(item);
        }
        List<DepartmentCompleteness> departments = new ArrayList<>();
        int order = 0;
        Map<DepartmentCompleteness, Integer> departmentOrder = new IdentityHashMap<>();
        for (var entry : byDepartment.entrySet()) {
            List<ItemState> rows = entry.getValue();
            List<IncompleteItem> incomplete = new ArrayList<>();
            for (ItemState r : rows) {
                List<Missing> missing = new ArrayList<>();
                if (r.withoutStatus()) {
                    missing.add(Missing.STATUS);
                }
                if (r.withoutComment()) {
                    missing.add(Missing.COMMENT);
                }
                if (r.draft()) {
                    missing.add(Missing.DRAFT);
                }
                if (r.notReady()) {
                    missing.add(Missing.READY);
                }
                if (!missing.isEmpty()) {
                    incomplete.add(new IncompleteItem(r.itemId(), r.number(), r.text(), missing));
                }
            }
            String name = entry.getKey() == null ? messages.get("completeness.noDepartment")
                    : rows.get(0).department();
            DepartmentCompleteness department = new DepartmentCompleteness(entry.getKey(), name, rows.size(),
                    count(rows, ItemState::withoutStatus), count(rows, ItemState::withoutComment),
                    count(rows, ItemState::draft), count(rows, ItemState::notReady),
                    entry.getKey() == null ? List.of() : owners.getOrDefault(entry.getKey(), List.of()), incomplete);
            departments.add(department);
            departmentOrder.put(department, order++);
        }
        // least ready first; otherwise the departments' own order
        departments.sort(Comparator.comparingInt(DepartmentCompleteness::percentReady)
                .thenComparing(departmentOrder::get));
        PeriodDetails period = periods.period(context);
        return new PeriodCompleteness(period, departments);
    }

    /** "2 utan prognos, 5 utan kommentar, 1 ej bekräftad från föregående period, 8 ej markerade klara" */
    @Unrestricted("formats counts it is given; reads nothing")
    public String describeMissing(DepartmentCompleteness d) {
        List<String> parts = new ArrayList<>();
        if (d.withoutStatus() > 0) {
            parts.add(messages.get("completeness.summary.withoutStatus", Messages.integer(d.withoutStatus())));
        }
        if (d.withoutComment() > 0) {
            parts.add(messages.get("completeness.summary.withoutComment", Messages.integer(d.withoutComment())));
        }
        if (d.drafts() > 0) {
            parts.add(messages.get("completeness.summary.drafts", Messages.integer(d.drafts())));
        }
        if (d.notReady() > 0) {
            parts.add(messages.get("completeness.summary.notReady", Messages.integer(d.notReady())));
        }
        return String.join(", ", parts);
    }

    /** "saknar prognos, saknar kommentar, ej markerad klar" */
    @Unrestricted("formats counts it is given; reads nothing")
    public String describeMissing(IncompleteItem item) {
        return item.missing().stream().map(m -> messages.get("completeness.missing." + m.name()))
                .filter(Objects::nonNull).reduce((a, b) -> a + ", " + b).orElse("");
    }

    private static int count(List<ItemState> rows, Predicate<ItemState> test) {
        return (int) rows.stream().filter(test).count();
    }
}
