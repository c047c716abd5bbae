package se.uppfoljning.appendix;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.uppfoljning.periods.PeriodDeciding;

/** Stores Bilaga 1 and 2 as decided when a period is decided (after the decided structure is kept). */
@Component
class DecisionListener {

    private final AppendixService appendices;

    DecisionListener(AppendixService appendices) {
        this.appendices = appendices;
    }

    @EventListener
    @Order(PeriodDeciding.STORE_APPENDICES)
    void deciding(PeriodDeciding event) {
        appendices.storeDecided(event.context(), event.eventId());
    }
}
