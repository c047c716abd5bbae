package se.uppfoljning.drafts;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.uppfoljning.periods.PeriodDeciding;

/** The decision form's draft is spent once the decision is recorded (same user, same transaction). */
@Component
class DecisionDraftListener {

    private final DraftService drafts;

    DecisionDraftListener(DraftService drafts) {
        this.drafts = drafts;
    }

    @EventListener
    void deciding(PeriodDeciding event) {
        drafts.discard(DraftKey.decision(event.context()));
    }
}
