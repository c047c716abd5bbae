package se.uppfoljning.finance;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.uppfoljning.AbstractIntegrationTest;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.periods.PeriodService;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The XLSX export holds every table; the documented example file imports as documented. */
class FinanceExportTest extends AbstractIntegrationTest {

    @Autowired
    FinanceService finance;

    @Autowired
    FinanceImportService financeImport;

    @Autowired
    PeriodService periods;

    CommitteeContext context;

    @BeforeEach
    void reset() {
        testData.reset();
        signIn("controller");
        context = periods.context("ks", "2024-dr1");
    }

    @Test
    void everyTableIsASheetWithTheComputedValues() throws Exception {
        int tables = finance.overview(context).tables().size();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(finance.exportXlsx(context)))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(tables).isEqualTo(15); // summary, 4 levels × 3 cuts, 2 investment tables
            var summary = workbook.getSheetAt(0);
            assertThat(summary.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Nettoredovisning");
            var total = summary.getRow(summary.getLastRowNum());
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("Nettokostnad");
            assertThat(total.getCell(8).getNumericCellValue()).isEqualTo(-48_999d);
        }
    }

    @Test
    void theDocumentedExampleImports() throws Exception {
        String doc = Files.readString(Path.of("docs", "finance-import.md"), StandardCharsets.UTF_8);
        String example = doc.substring(doc.indexOf("niva;snitt;grupp"), doc.indexOf("```", doc.indexOf("niva;snitt;grupp")));
        // into the open period: 2024-dr1 is decided and locked
        FinanceImportResult result = financeImport.importFile(periods.context("ks", "2024-dr2"), "exempel.csv",
                example.getBytes(StandardCharsets.UTF_8));
        assertThat(result.rows()).isEqualTo(6);
        assertThat(result.levels()).containsExactly("KS", "ÖKL");
        assertThat(result.warnings()).noneMatch(f -> f.level().equals("KS") || f.level().equals("ÖKL"));
    }
}
