package se.uppfoljning.indicators;

import java.math.BigDecimal;

/**
 * An item's latest total value against its target, for lists (Framsteg, the spreadsheet export): {@code latestYear}
 * and {@code latestValue} null when there is none; {@code fromKolada} credits the source.
 */
public record IndicatorStatus(long itemId, String target, Integer latestYear, BigDecimal latestValue,
                              boolean preliminary, boolean fromKolada, Proposal.Outcome outcome) {

    public boolean missesTarget() {
        return outcome == Proposal.Outcome.NOT_MET;
    }
}
