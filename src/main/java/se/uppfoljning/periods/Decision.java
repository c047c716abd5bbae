package se.uppfoljning.periods;

import java.time.LocalDate;

/** A committee's decision on a report: body (Kommunstyrelsen), date, paragraph (§ 123) and diary number. */
public record Decision(String body, LocalDate date, String paragraph, String diaryNumber) {
}
