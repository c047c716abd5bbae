package se.uppfoljning.periods.api;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import se.uppfoljning.base.error.ValidationException;
import se.uppfoljning.periods.PeriodKind;
import se.uppfoljning.periods.Decision;
import se.uppfoljning.periods.NewPeriod;
import se.uppfoljning.periods.PeriodDetails;
import se.uppfoljning.periods.PeriodEvent;
import se.uppfoljning.periods.PeriodService;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Reporting periods of a committee: list, create (secretariat), move open ↔ under review, record the decision
 * (locks the period and stores Bilaga 1 and 2), reopen (admin, with a reason). Wrong state → 409, locked → 423.
 */
@RestController
@RequestMapping("/api/v1/committees/{committee}/periods")
public class PeriodApiController {

    private final PeriodService periods;

    PeriodApiController(PeriodService periods) {
        this.periods = periods;
    }

    public record PeriodJson(String slug, String name, String kind, int year, LocalDate endDate, LocalDate deadline,
                             String state, boolean locked, Decision decision, OffsetDateTime decidedAt,
                             String decidedBy) {
    }

    public record NewPeriodJson(String kind, Integer year, LocalDate endDate, LocalDate deadline) {
    }

    public record ReopenJson(String reason) {
    }

    @GetMapping
    public List<PeriodJson> list(@PathVariable String committee) {
        return periods.periods(committee).stream().map(PeriodApiController::json).toList();
    }

    @GetMapping("/{period}")
    public PeriodJson get(@PathVariable String committee, @PathVariable String period) {
        return json(periods.period(committee, period));
    }

    @GetMapping("/{period}/events")
    public List<PeriodEvent> events(@PathVariable String committee, @PathVariable String period) {
        return periods.events(committee, period);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public PeriodJson create(@PathVariable String committee, @RequestBody NewPeriodJson body) {
        PeriodKind kind;
        try {
            kind = PeriodKind.valueOf(String.valueOf(body.kind()));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("period.error.incomplete");
        }
        if (body.year() == null) {
            throw new ValidationException("period.error.incomplete");
        }
        return json(periods.create(committee, new NewPeriod(kind, body.year(), body.endDate(), body.deadline())));
    }

    @PostMapping("/{period}/review")
    public PeriodJson review(@PathVariable String committee, @PathVariable String period) {
        return json(periods.submitForReview(committee, period));
    }

    @PostMapping("/{period}/open")
    public PeriodJson open(@PathVariable String committee, @PathVariable String period) {
        return json(periods.returnToOpen(committee, period));
    }

    @PostMapping("/{period}/decision")
    public PeriodJson decide(@PathVariable String committee, @PathVariable String period,
                             @RequestBody Decision decision) {
        return json(periods.decide(committee, period, decision));
    }

    @PostMapping("/{period}/reopen")
    public PeriodJson reopen(@PathVariable String committee, @PathVariable String period,
                             @RequestBody ReopenJson body) {
        return json(periods.reopen(committee, period, body.reason()));
    }

    private static PeriodJson json(PeriodDetails p) {
        return new PeriodJson(p.slug(), p.name(), p.kind().name(), p.year(), p.endDate(), p.deadline(),
                p.state().name(), p.isLocked(), p.decision(), p.decidedAt(), p.decidedBy());
    }
}
