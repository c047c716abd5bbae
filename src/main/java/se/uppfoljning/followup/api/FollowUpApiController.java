package se.uppfoljning.followup.api;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.uppfoljning.base.error.ValidationException;
import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.followup.AssignmentSection;
import se.uppfoljning.followup.FollowUpChange;
import se.uppfoljning.followup.FollowUpRow;
import se.uppfoljning.followup.FollowUpService;
import se.uppfoljning.followup.GoalSection;
import se.uppfoljning.followup.PeriodFollowUp;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.periods.PeriodService;
import se.uppfoljning.structure.ItemKind;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Follow-up for integration and transparency: read the whole report's rows, update one entry. */
@RestController
@RequestMapping("/api/v1/committees/{committee}/periods/{period}")
public class FollowUpApiController {

    private final FollowUpService followUp;
    private final PeriodService periods;
    private final Messages messages;

    FollowUpApiController(FollowUpService followUp, PeriodService periods, Messages messages) {
        this.followUp = followUp;
        this.periods = periods;
        this.messages = messages;
    }

    public record CommitteeJson(String slug, String code, String name) {
    }

    public record PeriodJson(String slug, String name, String kind, int year, LocalDate endDate, String state) {
    }

    public record RowJson(long id, String kind, String number, String text, String targetText, String status,
                          String comment, String owner, int version, OffsetDateTime updatedAt, String updatedBy,
                          boolean derivedFromFinance, boolean draft, boolean fromPreviousPeriod, boolean ready) {
    }

    public record GoalJson(int number, String text, String heading, String tableHeading, List<RowJson> rows) {
    }

    public record AssignmentsJson(int osbYear, boolean carriedOver, String heading, List<RowJson> rows) {
    }

    public record AreaJson(long id, String name, List<GoalJson> goals, List<AssignmentsJson> assignments) {
    }

    public record FollowUpJson(CommitteeJson committee, PeriodJson period, List<AreaJson> areas, int rowCount) {
    }

    public record UpdateJson(String status, String comment, Integer version) {
    }

    @GetMapping("/follow-up")
    public FollowUpJson followUp(@PathVariable String committee, @PathVariable String period) {
        PeriodFollowUp overview = followUp.periodFollowUp(committee, period);
        CommitteeContext context = overview.context();
        return new FollowUpJson(
                new CommitteeJson(context.committee().slug(), context.committee().code(), context.committee().name()),
                new PeriodJson(context.period().slug(), context.period().name(), context.period().kind().name(),
                        context.period().year(), context.period().endDate(), context.period().state().name()),
                overview.areas().stream().map(area -> new AreaJson(area.id(), area.name(),
                        area.goals().stream().map(this::goal).toList(),
                        area.assignments().stream().map(this::assignments).toList())).toList(),
                overview.rowCount());
    }

    @PutMapping("/items/{id}/follow-up")
    public RowJson update(@PathVariable String committee, @PathVariable String period, @PathVariable long id,
                          @RequestBody UpdateJson body) {
        if (body.version() == null) {
            throw new ValidationException("api.error.versionMissing");
        }
        CommitteeContext context = periods.context(committee, period);
        return row(followUp.save(context, id, new FollowUpChange(body.status(), body.comment(), body.version())));
    }

    private GoalJson goal(GoalSection goal) {
        return new GoalJson(goal.number(), goal.text(),
                messages.get("report.strategicGoal", String.valueOf(goal.number()), goal.text()),
                messages.get(goal.kind() == ItemKind.INDICATOR ? "report.indicators" : "report.committeeGoals"),
                goal.rows().stream().map(FollowUpApiController::row).toList());
    }

    private AssignmentsJson assignments(AssignmentSection section) {
        return new AssignmentsJson(section.osbYear(), section.carriedOver(),
                messages.get(section.carriedOver() ? "report.carriedAssignments" : "report.assignments",
                        String.valueOf(section.osbYear())),
                section.rows().stream().map(FollowUpApiController::row).toList());
    }

    static RowJson row(FollowUpRow row) {
        return new RowJson(row.id(), row.kind().name(), row.number(), row.printedText(), row.targetText(), row.status(),
                row.comment(), row.owner(), row.version(), row.updatedAt(), row.updatedBy(), row.derivedFromFinance(),
                row.draft(), row.fromPreviousPeriod(), row.ready());
    }
}
