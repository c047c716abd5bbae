package se.uppfoljning.report;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.uppfoljning.periods.PeriodCreated;
import se.uppfoljning.periods.PeriodDeciding;

/**
 * What the report does when a period is created (the previous period's outline and texts as drafts) and decided
 * (the whole report stored as decided, after the decided structure and the appendices).
 */
@Component
class ReportPeriodListener {

    private final ReportService reports;

    ReportPeriodListener(ReportService reports) {
        this.reports = reports;
    }

    @EventListener
    void created(PeriodCreated event) {
        if (event.previous() != null) {
            reports.carryOver(event.previous(), event.created());
        }
    }

    @EventListener
    @Order(PeriodDeciding.STORE_REPORT)
    void deciding(PeriodDeciding event) {
        reports.storeDecided(event.context(), event.eventId(), event.decision().body(), event.decision().date());
    }
}
