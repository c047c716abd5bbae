package se.uppfoljning.structure.api;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.uppfoljning.base.error.NotFoundException;
import se.uppfoljning.base.error.ValidationException;
import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.followup.AreaSection;
import se.uppfoljning.followup.FollowUpRow;
import se.uppfoljning.followup.FollowUpService;
import se.uppfoljning.organisation.Committee;
import se.uppfoljning.organisation.OrganisationService;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.periods.PeriodService;
import se.uppfoljning.periods.ReportingPeriod;
import se.uppfoljning.structure.RemainingAssignment;
import se.uppfoljning.structure.StructureService;

import java.time.LocalDate;
import java.util.List;

/** The committees a user belongs to, and a committee's structure: departments, periods, goals and assignments. */
@RestController
@RequestMapping("/api/v1/committees")
public class StructureApiController {

    private final OrganisationService organisation;
    private final PeriodService periodService;
    private final FollowUpService followUp;
    private final StructureService structureService;
    private final Messages messages;

    StructureApiController(OrganisationService organisation, PeriodService periodService, FollowUpService followUp,
                           StructureService structureService, Messages messages) {
        this.messages = messages;
        this.organisation = organisation;
        this.periodService = periodService;
        this.followUp = followUp;
        this.structureService = structureService;
    }

    public record NewPlanYearJson(Integer year) {
    }

    public record PlanYearJson(int year, String heading, List<RemainingAssignment> carried) {
    }

    public record PeriodJson(String slug, String name, String kind, int year, LocalDate endDate, String state) {
        static PeriodJson of(ReportingPeriod p) {
            return new PeriodJson(p.slug(), p.name(), p.kind().name(), p.year(), p.endDate(), p.state().name());
        }
    }

    public record CommitteeJson(String slug, String code, String name, List<PeriodJson> periods) {
    }

    public record ItemJson(long id, String kind, String number, String text, String targetText, String owner,
                           int osbYear, boolean carriedOver, boolean derivedFromFinance) {
        static ItemJson of(FollowUpRow r) {
            return new ItemJson(r.id(), r.kind().name(), r.number(), r.printedText(), r.targetText(), r.owner(),
                    r.osbYear(), r.carriedOver(), r.derivedFromFinance());
        }
    }

    public record GoalJson(int number, String text, String kind, List<ItemJson> items) {
    }

    public record AreaJson(long id, String name, List<GoalJson> goals, List<ItemJson> assignments) {
    }

    public record YearJson(int year, List<AreaJson> areas) {
    }

    public record StructureJson(String slug, String code, String name, List<String> departments,
                                List<PeriodJson> periods, List<YearJson> years) {
    }

    @GetMapping
    public List<CommitteeJson> committees() {
        return organisation.committeesOfCurrentUser().stream()
                .map(c -> new CommitteeJson(c.slug(), c.code(), c.name(),
                        periodService.periods(c.id()).stream().map(PeriodJson::of).toList()))
                .toList();
    }

    @GetMapping("/{committee}/structure")
    public StructureJson structure(@PathVariable String committee) {
        Committee c = organisation.committee(committee);
        List<ReportingPeriod> periods = periodService.periods(c.id());
        if (periods.isEmpty()) {
            throw new NotFoundException("error.periodNotFound", "-");
        }
        var structure = followUp.structure(new CommitteeContext(c, periods.get(0)));
        return new StructureJson(c.slug(), c.code(), c.name(),
                organisation.departments(c.id()).stream().map(d -> d.name()).toList(),
                periods.stream().map(PeriodJson::of).toList(),
                structure.entrySet().stream().map(e -> new YearJson(e.getKey(), e.getValue().stream()
                        .map(StructureApiController::area).toList())).toList());
    }

    /**
     * Starts plan year (ÖSB) {year}: every assignment of the year before that is not "Genomfört" is carried over
     * as "Kvarstående uppdrag från ÖSB {year - 1}" (secretariat/admin).
     */
    @PostMapping("/{committee}/plan-years")
    @ResponseStatus(HttpStatus.CREATED)
    public PlanYearJson startPlanYear(@PathVariable String committee, @RequestBody NewPlanYearJson body) {
        if (body == null || body.year() == null) {
            throw new ValidationException("organisation.error.planYearInvalid",
                        String.valueOf(OrganisationService.MIN_PLAN_YEAR),
                        String.valueOf(OrganisationService.MAX_PLAN_YEAR));
        }
        Committee c = organisation.committee(committee);
        List<RemainingAssignment> carried = structureService.startPlanYear(c, body.year());
        return new PlanYearJson(body.year(), messages.get("report.carriedAssignments",
                String.valueOf(body.year() - 1)), carried);
    }

    private static AreaJson area(AreaSection area) {
        return new AreaJson(area.id(), area.name(),
                area.goals().stream().map(g -> new GoalJson(g.number(), g.text(), g.kind().name(),
                        g.rows().stream().map(ItemJson::of).toList())).toList(),
                area.assignments().stream().flatMap(a -> a.rows().stream()).map(ItemJson::of).toList());
    }
}
