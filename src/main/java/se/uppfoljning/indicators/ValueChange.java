package se.uppfoljning.indicators;

import java.math.BigDecimal;

/** A value to save for a year (gender T unless given): exact {@code value}, {@code version} as read (0: new). */
public record ValueChange(int year, String gender, BigDecimal value, boolean preliminary, int version) {
}
