package se.uppfoljning.finance;

import java.time.OffsetDateTime;

/** One recorded import: who, when, which file (SHA-256), how many rows, the result and what it changed. */
public record FinanceImportInfo(String fileName, String sha256, int rowCount, String levels, String result, int added,
                                int changed, int removed, String importedBy, OffsetDateTime importedAt) {
}
