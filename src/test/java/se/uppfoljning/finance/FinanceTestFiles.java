package se.uppfoljning.finance;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.core.io.ClassPathResource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The demo import file and variations of it for the tests. */
public final class FinanceTestFiles {

    static final int FORECAST = 10;

    private FinanceTestFiles() {
    }

    public static String demoCsv() {
        try (var in = new ClassPathResource("demo/ks-2024-dr1-finance.csv").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] demo() {
        return demoCsv().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The demo file with the summary's forecast changed so the net deviation is {@code percent} of the budget
     * (-875 382 000 kr): the line "Kommungemensamt" and the delivered total "Nettokostnad" move by the same amount.
     */
    public static byte[] withNetDeviation(String percent) {
        long budget = -875_382_000L;
        long wanted = budget + new java.math.BigDecimal(percent).multiply(java.math.BigDecimal.valueOf(-budget))
                .divide(java.math.BigDecimal.valueOf(100)).longValueExact();
        long shift = wanted - (-924_381_000L);
        List<String> lines = new ArrayList<>(demoCsv().lines().toList());
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split(";", -1);
            if (f[0].equals("KS") && (f[3].equals("KG") || f[3].equals("NETTO"))) {
                f[FORECAST] = String.valueOf(Long.parseLong(f[FORECAST]) + shift);
                lines.set(i, String.join(";", f));
            }
        }
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Replaces one field of one line (1-based line as a text editor counts it). */
    public static byte[] withField(int line, int column, String value) {
        List<String> lines = new ArrayList<>(demoCsv().lines().toList());
        String[] f = lines.get(line - 1).split(";", -1);
        f[column] = value;
        lines.set(line - 1, String.join(";", f));
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The demo file as XLSX with the same columns. */
    public static byte[] demoXlsx() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("ekonomi");
            List<String> lines = demoCsv().lines().toList();
            for (int r = 0; r < lines.size(); r++) {
                var row = sheet.createRow(r);
                String[] f = lines.get(r).split(";", -1);
                for (int c = 0; c < f.length; c++) {
                    if (r > 0 && f[c].matches("-?\\d+")) {
                        row.createCell(c).setCellValue(Long.parseLong(f[c]));
                    } else {
                        row.createCell(c).setCellValue(f[c]);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The demo file with a BOM, ',' as delimiter, columns reversed, amounts grouped with spaces and '−'. */
    public static byte[] demoReshaped() {
        StringBuilder out = new StringBuilder("\uFEFF");
        List<String> lines = demoCsv().lines().toList();
        List<String> header = Arrays.asList(lines.get(0).split(";", -1));
        for (String line : lines) {
            String[] f = line.split(";", -1);
            List<String> values = new ArrayList<>();
            for (int c = f.length - 1; c >= 0; c--) {
                String v = f[c];
                boolean amount = !header.get(c).matches("niva|snitt|grupp|kod|namn|summarad");
                if (amount && v.matches("-?\\d+")) {
                    String grouped = FinanceFormat.group(Math.abs(Long.parseLong(v))).replace(' ', '\u00a0');
                    v = (v.startsWith("-") ? "\u2212" : "") + grouped;
                }
                values.add("\"" + v.replace("\"", "\"\"") + "\"");
            }
            out.append(String.join(",", values)).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
