package se.uppfoljning.finance;

/** A level's totals (from its unit cut, else its first operating cut present). */
public record LevelTotal(String code, String name, Figures figures) {
}
