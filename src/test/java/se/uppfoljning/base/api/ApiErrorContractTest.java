package se.uppfoljning.base.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.uppfoljning.AbstractIntegrationTest;
import se.uppfoljning.RawHttp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One error contract for everything under /api/: every malformed or refused request, whoever refuses it (Tomcat,
 * Spring Security's firewall, Spring MVC, the services), answers JSON {error, message, details} with a Swedish
 * message – never Vaadin's page or the container's HTML. Sent over a raw socket, so nothing is normalised.
 */
class ApiErrorContractTest extends AbstractIntegrationTest {

    private final ObjectMapper json = new ObjectMapper();

    private record Case(String name, String method, String target, String user, String contentType, byte[] body,
                        List<String> headers, int status, String error, String message) {
    }

    @BeforeEach
    void setUp() {
        testData.reset();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private JsonNode row(String period, String user) throws Exception {
        var response = RawHttp.send(port, "GET", "/api/v1/committees/ks/periods/" + period + "/follow-up", null,
                "Authorization: " + RawHttp.basic(user, "demo"));
        JsonNode body = json.readTree(response.body());
        return StreamSupport.stream(body.get("areas").spliterator(), false)
                .flatMap(a -> StreamSupport.stream(a.get("goals").spliterator(), false))
                .flatMap(g -> StreamSupport.stream(g.get("rows").spliterator(), false))
                .filter(r -> r.get("kind").asText().equals("COMMITTEE_GOAL") && !r.path("derived").asBoolean(false))
                .skip(1).findFirst().orElseThrow();
    }

    @Test
    void everyRefusalUnderApiIsJsonWithASwedishMessage() throws Exception {
        JsonNode open = row("2024-dr2", "sekretariat");
        JsonNode decided = row("2024-dr1", "sekretariat");
        String putOpen = "/api/v1/committees/ks/periods/2024-dr2/items/" + open.get("id").asLong() + "/follow-up";
        String putDecided = "/api/v1/committees/ks/periods/2024-dr1/items/" + decided.get("id").asLong() + "/follow-up";
        String save = "{\"status\":null,\"comment\":\"Provtext\",\"version\":" + open.get("version").asLong() + "}";
        String stale = "{\"status\":null,\"comment\":\"Provtext\",\"version\":" + (open.get("version").asLong() + 7) + "}";
        String finance = "/api/v1/committees/ks/periods/2024-dr2/finance";
        String planYears = "/api/v1/committees/ks/plan-years";

        List<Case> cases = List.of(
                new Case("unknown path", "GET", "/api/v1/unknown", "politiker", null, null, List.of(),
                        404, "not_found", "Det finns ingen sådan resurs i API:t."),
                new Case("unknown path deeper", "GET", "/api/v1/committees/ks/nothing/here", "politiker", null, null,
                        List.of(), 404, "not_found", "Det finns ingen sådan resurs i API:t."),
                new Case("no credentials", "GET", "/api/v1/committees", null, null, null, List.of(),
                        401, "unauthorized", "Inloggning krävs"),
                new Case("CR LF in a slug", "GET", "/api/v1/committees/ks%0d%0a/periods", "politiker", null, null,
                        List.of(), 400, "bad_request", "Begäran avvisades"),
                new Case("quote in a slug", "GET", "/api/v1/committees/%22ks%22/periods", "politiker", null, null,
                        List.of(), 404, "not_found", null),
                new Case("NUL in the path", "GET", "/api/v1/committees/ks%00/periods", "politiker", null, null,
                        List.of(), 400, "bad_request", "Felaktig begäran."),
                new Case("encoded slash and dots", "GET", "/api/v1/committees/..%2fks/periods", "politiker", null,
                        null, List.of(), 400, "bad_request", "Felaktig begäran."),
                new Case("10 kB header", "POST", finance, "controller", "text/csv", utf8("x"),
                        List.of("X-File-Name: " + "a".repeat(10_240)), 400, "bad_request", "Felaktig begäran."),
                new Case("method not allowed", "DELETE", "/api/v1/committees", "politiker", null, null, List.of(),
                        405, "method_not_allowed", "Metoden är inte tillåten för denna adress."),
                new Case("not acceptable", "GET", "/api/v1/committees", "politiker", null, null,
                        List.of("Accept: application/xml"), 406, "not_acceptable", "Svaret kan inte ges"),
                new Case("unsupported media type", "POST", planYears, "sekretariat", "text/plain", utf8("2030"),
                        List.of(), 415, "unsupported_media_type", "Innehållstypen stöds inte."),
                new Case("malformed JSON", "POST", planYears, "sekretariat", "application/json", utf8("{\"year\":"),
                        List.of(), 400, "bad_request", "Begärans JSON kunde inte tolkas."),
                new Case("unknown field", "POST", planYears, "sekretariat", "application/json",
                        utf8("{\"year\":2030,\"yaer\":2031}"), List.of(), 400, "bad_request",
                        "Okänt fält i begäran: \"yaer\"."),
                new Case("wrong type", "POST", planYears, "sekretariat", "application/json",
                        utf8("{\"year\":\"tjugotrettio\"}"), List.of(), 400, "bad_request",
                        "Fältet \"year\" har ett värde av fel typ eller form."),
                new Case("plan year -5", "POST", planYears, "sekretariat", "application/json",
                        utf8("{\"year\":-5}"), List.of(), 422, "validation_failed",
                        "Årtalet -5 går inte: ange ett årtal mellan 2000 och 2100."),
                new Case("malformed multipart", "POST", finance, "controller", "multipart/form-data; boundary=xyz",
                        utf8("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nabc"),
                        List.of(), 400, "bad_request", "Den uppladdade begäran (multipart) kunde inte tolkas."),
                new Case("multipart without the file field", "POST", finance, "controller",
                        "multipart/form-data; boundary=xyz",
                        utf8("--xyz\r\nContent-Disposition: form-data; name=\"fil\"; filename=\"a.csv\"\r\n\r\nabc\r\n--xyz--\r\n"),
                        List.of(), 422, "validation_failed", "Begäran saknar filen (multipart-fältet \"file\")."),
                new Case("upload too large", "POST", finance, "controller", "multipart/form-data; boundary=xyz",
                        new byte[53 * 1024 * 1024], List.of(), 413, "payload_too_large", "Begäran är för stor."),
                new Case("forbidden", "PUT", putOpen, "politiker", "application/json", utf8(save), List.of(),
                        403, "forbidden", "Du har inte behörighet till detta."),
                new Case("stale version", "PUT", putOpen, "sekretariat", "application/json", utf8(stale), List.of(),
                        409, "conflict", null),
                new Case("decided period", "PUT", putDecided, "sekretariat", "application/json",
                        utf8("{\"status\":null,\"comment\":\"x\",\"version\":" + decided.get("version").asLong() + "}"),
                        List.of(), 423, "locked", null),
                new Case("bad parameter", "GET", "/api/v1/audit?limit=abc", "admin", null, null, List.of(),
                        400, "bad_request", "Parametern \"limit\" har ett ogiltigt värde."));

        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            List<String> headers = new ArrayList<>(c.headers());
            if (c.user() != null) {
                headers.add("Authorization: " + RawHttp.basic(c.user(), "demo"));
            }
            if (c.contentType() != null) {
                headers.add("Content-Type: " + c.contentType());
            }
            RawHttp.Response response;
            try {
                response = RawHttp.send(port, c.method(), c.target(), c.body(), headers.toArray(String[]::new));
            } catch (java.io.IOException e) {
                failures.add(c.name() + ": no answer (" + e + ")");
                continue;
            }
            String problem = check(c, response);
            if (problem != null) {
                failures.add(c.name() + ": " + problem + " – got " + response.status() + " "
                        + response.header("content-type") + " " + abbreviate(response.body()));
            }
        }
        assertThat(failures).isEmpty();
    }

    private String check(Case c, RawHttp.Response response) {
        if (response.status() != c.status()) {
            return "status " + response.status() + " instead of " + c.status();
        }
        String type = response.header("content-type");
        if (type == null || !type.startsWith("application/json")) {
            return "not JSON";
        }
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (Exception e) {
            return "unparseable JSON";
        }
        if (!c.error().equals(body.path("error").asText())) {
            return "error " + body.path("error").asText() + " instead of " + c.error();
        }
        if (!body.path("details").isArray()) {
            return "no details array";
        }
        String message = body.path("message").asText("");
        if (message.isBlank() || !message.matches("(?s).*[a-zåäöA-ZÅÄÖ].*")) {
            return "no message";
        }
        if (c.message() != null && !message.startsWith(c.message())) {
            return "message '" + message + "'";
        }
        if (response.body().contains("Exception") || response.body().contains("org.springframework")) {
            return "internals in the body";
        }
        return null;
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
