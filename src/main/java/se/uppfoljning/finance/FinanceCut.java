package se.uppfoljning.finance;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import se.uppfoljning.base.text.InputText;

/** The five cuts of the figures; {@code fileName} is the value of the import's column {@code snitt}. */
public enum FinanceCut {
    SUMMARY("sammanstallning"),
    UNIT("enhet"),
    ACCOUNT_GROUP("kontogrupp"),
    ACTIVITY("verksamhet"),
    INVESTMENT("investering");

    private final String fileName;

    FinanceCut(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    /** Translation key of the cut's name. */
    public String labelKey() {
        return "finance.cut." + fileName;
    }

    public static Optional<FinanceCut> fromFile(String value) {
        String v = InputText.key(value);
        return Arrays.stream(values()).filter(c -> c.fileName.equals(v)).findFirst();
    }

    /** The cuts of a level's operating figures whose totals must agree (investments are capital spending). */
    public boolean isOperatingCut() {
        return this == UNIT || this == ACCOUNT_GROUP || this == ACTIVITY;
    }
}
