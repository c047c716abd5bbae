package se.uppfoljning.measures;

/**
 * A measure for a balanced economy (Bilaga 1). Effects are whole kronor (null when not given); decision is the
 * date as written, optionally with the deciding body ("KS 2023-03-14").
 */
public record Measure(long id, int number, String description, String decision, String diaryNumber,
                      Long forecastEffect, Long totalEffect, Long achievedEffect, String expectedEffect,
                      String comment) {
}
