package se.uppfoljning.readiness.api;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.uppfoljning.readiness.CompletenessService;
import se.uppfoljning.readiness.DepartmentCompleteness;
import se.uppfoljning.readiness.PeriodCompleteness;
import se.uppfoljning.readiness.ReminderService;

import java.time.LocalDate;
import java.util.List;

/**
 * Completeness of a period per department (secretariat and admin: all; officials: their own departments) and
 * reminders to the officials of incomplete departments (secretariat and admin).
 */
@RestController
@RequestMapping("/api/v1/committees/{committee}/periods/{period}")
public class CompletenessApiController {

    private final CompletenessService completeness;
    private final ReminderService reminders;

    CompletenessApiController(CompletenessService completeness, ReminderService reminders) {
        this.completeness = completeness;
        this.reminders = reminders;
    }

    public record ItemJson(long id, String number, String text, List<String> missing, String missingText) {
    }

    public record DepartmentJson(Long id, String name, int items, int withoutStatus, int withoutComment, int drafts,
                                 int notReady, int ready, int percentReady, List<String> owners,
                                 List<ItemJson> incomplete) {
    }

    public record CompletenessJson(String period, String name, String state, LocalDate deadline,
                                   List<DepartmentJson> departments) {
    }

    /** {@code departmentId} absent: every incomplete department. */
    public record ReminderJson(Long departmentId) {
    }

    @GetMapping("/completeness")
    public CompletenessJson completeness(@PathVariable String committee, @PathVariable String period) {
        PeriodCompleteness result = completeness.completeness(committee, period);
        return new CompletenessJson(result.period().slug(), result.period().name(), result.period().state().name(),
                result.period().deadline(), result.departments().stream().map(this::department).toList());
    }

    @PostMapping("/reminders")
    public ReminderService.ReminderResult remind(@PathVariable String committee, @PathVariable String period,
                                                 @RequestBody(required = false) ReminderJson body) {
        return reminders.send(committee, period, body == null ? null : body.departmentId());
    }

    private DepartmentJson department(DepartmentCompleteness d) {
        return new DepartmentJson(d.departmentId(), d.department(), d.items(), d.withoutStatus(), d.withoutComment(),
                d.drafts(), d.notReady(), d.ready(), d.percentReady(),
                d.owners().stream().map(DepartmentCompleteness.Owner::name).toList(),
                d.incomplete().stream().map(i -> new ItemJson(i.itemId(), i.number(), i.text(),
                        i.missing().stream().map(Enum::name).toList(), completeness.describeMissing(i))).toList());
    }
}
