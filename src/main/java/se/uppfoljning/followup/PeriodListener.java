package se.uppfoljning.followup;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.uppfoljning.periods.PeriodCreated;
import se.uppfoljning.periods.PeriodDeciding;

/** What the follow-up does when a period is created (drafts from the previous one) and decided (keeps the structure). */
@Component
class PeriodListener {

    private final FollowUpService followUp;

    PeriodListener(FollowUpService followUp) {
        this.followUp = followUp;
    }

    @EventListener
    void created(PeriodCreated event) {
        if (event.previous() != null) {
            followUp.createDraftsFromPreviousPeriod(event.previous(), event.created());
        }
    }

    @EventListener
    @Order(PeriodDeciding.KEEP_STRUCTURE)
    void deciding(PeriodDeciding event) {
        followUp.keepDecidedStructure(event.context());
    }
}
