package se.uppfoljning.indicators;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a fetch from Kolada did: {@code indicators} fetched, values {@code added}, {@code revised} (Kolada changed a
 * value it had published: the old one is in the history and the owner told), {@code unchanged}, and each change.
 */
public record KoladaRefresh(int indicators, int added, int revised, int unchanged, List<Change> changes) {

    /** {@code oldValue} null for a value fetched for the first time. */
    public record Change(long itemId, String number, String kpi, int year, String gender, BigDecimal oldValue,
                         BigDecimal newValue, boolean revision) {
    }
}
