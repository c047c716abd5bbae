package se.uppfoljning.publication.web;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.context.request.WebRequest;
import se.uppfoljning.publication.PublicIndex;
import se.uppfoljning.publication.PublicReport;
import se.uppfoljning.publication.PublicationService;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Open data of decided periods: the follow-up rows and the finance lines as CSV (UTF-8 with BOM so Excel reads å ä
 * ö, ';' as Swedish Excel expects) and JSON, and a machine-readable index of an organisation's decided periods.
 * Columns are documented in docs/open-data.md. Licence: CC0 1.0 (the municipality's own data as a public record; the
 * licence statement is in every JSON document and in the index).
 */
@Controller
@RequestMapping("/offentlig/{organisation}")
public class OpenDataController {

    public static final String LICENCE = "CC0-1.0";
    public static final String LICENCE_URL = "https://creativecommons.org/publicdomain/zero/1.0/deed.sv";
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final PublicationService publication;

    OpenDataController(PublicationService publication) {
        this.publication = publication;
    }

    /** Every decided, published period of the organisation with its pages, documents and data. */
    @GetMapping(value = "/index.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    public ResponseEntity<Map<String, Object>> index(@PathVariable String organisation) {
        PublicIndex index = publication.index(organisation);
        List<Map<String, Object>> datasets = index.committees().stream()
                .flatMap(entry -> entry.periods().stream().map(period -> {
                    String page = PublicationService.periodPath(index.organisation().slug(), entry.committee().slug(),
                            period.slug());
                    Map<String, Object> dataset = new LinkedHashMap<>();
                    dataset.put("committee", entry.committee());
                    dataset.put("period", period);
                    dataset.put("page", page);
                    dataset.put("distributions", Map.of(
                            "uppfoljningCsv", page + "/uppfoljning.csv", "uppfoljningJson", page + "/uppfoljning.json",
                            "ekonomiCsv", page + "/ekonomi.csv", "ekonomiJson", page + "/ekonomi.json"));
                    return dataset;
                })).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organisation", index.organisation());
        body.put("license", LICENCE);
        body.put("licenseUrl", LICENCE_URL);
        body.put("datasets", datasets);
        return ResponseEntity.ok().cacheControl(PublicPagesController.PAGE_CACHE).body(body);
    }

    @GetMapping(value = "/{committee}/{period}/uppfoljning.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    public ResponseEntity<Map<String, Object>> followUpJson(@PathVariable String organisation,
                                                            @PathVariable String committee,
                                                            @PathVariable String period, WebRequest request) {
        PublicReport report = publication.report(organisation, committee, period);
        return json(report, request, "uppfoljning.json", body -> body.put("rows", report.rows()));
    }

    @GetMapping(value = "/{committee}/{period}/uppfoljning.csv")
    public ResponseEntity<String> followUpCsv(@PathVariable String organisation, @PathVariable String committee,
                                              @PathVariable String period, WebRequest request) {
        PublicReport report = publication.report(organisation, committee, period);
        return csv(report, request, "uppfoljning", () -> csv(List.of("id", "omrade", "strategiskt_mal", "typ", "nummer", "text", "malvarde", "ansvarig",
                "prognos", "kommentar", "harleds_fran_ekonomin"), report.rows().stream().map(r -> List.<Object>of(
                r.id(), r.area(), nullToEmpty(r.strategicGoal()), r.kind(), nullToEmpty(r.number()), r.text(),
                nullToEmpty(r.targetText()), nullToEmpty(r.owner()), nullToEmpty(r.status()), r.comment(),
                r.derivedFromFinance())).toList()));
    }

    @GetMapping(value = "/{committee}/{period}/ekonomi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    public ResponseEntity<Map<String, Object>> financeJson(@PathVariable String organisation,
                                                           @PathVariable String committee,
                                                           @PathVariable String period, WebRequest request) {
        PublicReport report = publication.report(organisation, committee, period);
        return json(report, request, "ekonomi.json", body -> {
            body.put("unit", "kr");
            body.put("balancedBudget", report.balancedBudget());
            body.put("lines", publication.financeLines(organisation, committee, period));
        });
    }

    @GetMapping(value = "/{committee}/{period}/ekonomi.csv")
    public ResponseEntity<String> financeCsv(@PathVariable String organisation, @PathVariable String committee,
                                             @PathVariable String period, WebRequest request) {
        PublicReport report = publication.report(organisation, committee, period);
        return csv(report, request, "ekonomi", () -> csv(List.of("niva", "niva_namn", "snitt", "radtyp", "grupp",
                        "kod", "namn", "utfall_jmf_period_fg_ar", "bokslut_fg_ar", "utfall_hittills", "budget_hittills",
                        "ursprunglig_budget", "budget", "prognos", "avvikelse"),
                publication.financeLines(organisation, committee, period).stream().map(l -> List.<Object>of(l.level(),
                        nullToEmpty(l.levelName()), l.cut(), l.lineKind(), nullToEmpty(l.group()),
                        nullToEmpty(l.code()), nullToEmpty(l.name()), nullToEmpty(l.prevPeriodOutcome()),
                        l.prevYearClosed(), l.outcomeToDate(), nullToEmpty(l.budgetToDate()),
                        nullToEmpty(l.originalBudget()), l.budget(), l.forecast(), l.deviation())).toList()));
    }

    /** A JSON document of the period unless the client has this one already (304); {@code content} adds its data. */
    private static ResponseEntity<Map<String, Object>> json(PublicReport report, WebRequest request, String name,
                                                            Consumer<Map<String, Object>> content) {
        if (request.checkNotModified(etag(report, name))) {
            return null;
        }
        Map<String, Object> body = envelope(report);
        content.accept(body);
        return ResponseEntity.ok().cacheControl(PublicPagesController.PAGE_CACHE).body(body);
    }

    /** A CSV file of the period ("uppfoljning", "ekonomi") unless the client has this one already (304). */
    private static ResponseEntity<String> csv(PublicReport report, WebRequest request, String dataset,
                                              Supplier<String> content) {
        if (request.checkNotModified(etag(report, dataset + ".csv"))) {
            return null;
        }
        return csvResponse(content.get(), report, dataset);
    }

    private static Map<String, Object> envelope(PublicReport report) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organisation", report.organisation());
        body.put("committee", report.committee());
        body.put("period", report.period());
        body.put("license", LICENCE);
        body.put("licenseUrl", LICENCE_URL);
        body.put("source", PublicationService.periodPath(report.organisation().slug(), report.committee().slug(),
                report.period().slug()));
        return body;
    }

    private static String etag(PublicReport report, String name) {
        return "\"" + report.etag() + "-" + name + "\"";
    }

    private static Object nullToEmpty(Object value) {
        return value == null ? "" : value;
    }

    private static String csv(List<String> header, List<List<Object>> rows) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.Builder.create(CSVFormat.EXCEL).setDelimiter(';')
                .setHeader(header.toArray(String[]::new)).get())) {
            for (List<Object> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static ResponseEntity<String> csvResponse(String csv, PublicReport report, String dataset) {
        // "Uppföljning - Kommunstyrelsen - Delårsrapport med prognos 1 2024.csv"
        String name = (dataset.equals("ekonomi") ? "Ekonomi" : "Uppföljning") + " - " + report.committee().name()
                + " - " + report.period().name() + ".csv";
        return ResponseEntity.ok().contentType(CSV).cacheControl(PublicPagesController.PAGE_CACHE)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .body(csv);
    }
}
