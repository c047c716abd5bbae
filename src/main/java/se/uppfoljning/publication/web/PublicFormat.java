package se.uppfoljning.publication.web;

import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.finance.FinanceFormat;
import se.uppfoljning.followup.AreaProgress;
import se.uppfoljning.followup.StatusCount;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Swedish number and date formats for the public pages' templates (the same as the application's views). */
public final class PublicFormat {

    /** Amount in kronor shown in tkr ("-710", "1 234"). */
    public String tkr(Long kronor) {
        return FinanceFormat.tkr(kronor);
    }

    /** Amount in kronor shown in mnkr with one decimal. */
    public String mnkr(long kronor) {
        return FinanceFormat.mnkr(kronor);
    }

    /** "−0,5 %" */
    public String percent(BigDecimal percent) {
        return FinanceFormat.percent1(percent);
    }

    public String threshold(BigDecimal percent) {
        return FinanceFormat.threshold(percent);
    }

    /** "3 juni 2024" */
    public String date(LocalDate date) {
        return Messages.date(date);
    }

    /** Share in whole percent of a total (0 for an empty total), for bars and their text. */
    public long share(int count, int total) {
        return total == 0 ? 0 : Math.round(count * 100.0 / total);
    }

    /** The rows counted in a progress group. */
    public int sum(List<StatusCount> counts) {
        return AreaProgress.total(counts);
    }

    /** The SHA-256 in groups of eight for reading aloud or comparing by eye. */
    public String grouped(String sha256) {
        return sha256 == null ? "" : sha256.replaceAll("(.{8})(?!$)", "$1 ");
    }
}
