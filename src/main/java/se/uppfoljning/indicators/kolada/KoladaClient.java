package se.uppfoljning.indicators.kolada;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * Reads KPI values from Kolada's open API v3 (https://api.kolada.se/v3, no key): per municipality
 * {@code /data/kpi/{kpi}/municipality/{id}/year/{years}} and per organisational unit
 * {@code /oudata/kpi/{kpi}/ou/{id}/year/{years}}. Follows the pages ({@code next_url}, or {@code next_page} as v2
 * called it) to the end. The answer's shape:
 * <pre>{"count": 1, "values": [{"kpi": "N00945", "municipality": "1880", "period": 2023,
 *   "values": [{"gender": "T", "value": 12.3, "status": "", "count": 1}]}], "next_url": null}</pre>
 * A value can be {@code null}; a non-empty {@code status} is kept as the value's flag. Every failure – no connection,
 * time-out, an error status, an answer that is not this JSON – is a {@link KoladaUnavailableException} with a
 * Swedish message.
 */
@Component
public class KoladaClient {

    private static final Logger log = LoggerFactory.getLogger(KoladaClient.class);
    /** A guard against a server that links its pages in a circle. */
    private static final int MAX_PAGES = 1000;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final HttpClient http;
    private final Duration readTimeout;
    private volatile String baseUrl;

    public KoladaClient(@Value("${app.kolada.base-url:https://api.kolada.se/v3}") String baseUrl,
                        @Value("${app.kolada.connect-timeout:PT5S}") Duration connectTimeout,
                        @Value("${app.kolada.read-timeout:PT20S}") Duration readTimeout) {
        this.baseUrl = baseUrl;
        this.readTimeout = readTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Points the client at another Kolada (tests: a local server); the settings are the normal way. */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The KPI's values for a municipality (e.g. Örebro "1880") in the years, all genders. */
    public List<KoladaValue> municipalityValues(String kpi, String municipality, Collection<Integer> years) {
        return join(municipalityValuesAsync(kpi, municipality, years));
    }

    /** The KPI's values for an organisational unit (e.g. "V15E188000101") in the years, all genders. */
    public List<KoladaValue> unitValues(String kpi, String unit, Collection<Integer> years) {
        return join(unitValuesAsync(kpi, unit, years));
    }

    /**
     * As {@link #municipalityValues}, without blocking a thread while Kolada answers (the HTTP client's own threads
     * read the pages). Fails with a {@link KoladaUnavailableException} (possibly wrapped in a
     * {@link java.util.concurrent.CompletionException}).
     */
    public CompletableFuture<List<KoladaValue>> municipalityValuesAsync(String kpi, String municipality,
                                                                        Collection<Integer> years) {
        return fetchAll(base() + "/data/kpi/" + segment(kpi) + "/municipality/" + segment(municipality)
                + "/year/" + years(years));
    }

    /** As {@link #unitValues}, without blocking; see {@link #municipalityValuesAsync}. */
    public CompletableFuture<List<KoladaValue>> unitValuesAsync(String kpi, String unit, Collection<Integer> years) {
        return fetchAll(base() + "/oudata/kpi/" + segment(kpi) + "/ou/" + segment(unit) + "/year/" + years(years));
    }

    /** The result of a future, its failure unwrapped to the {@link KoladaUnavailableException} it is. */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException | CancellationException e) {
            throw unwrap(e);
        }
    }

    /** A failure of a fetch as the runtime exception to throw (the Kolada refusal inside a CompletionException). */
    public static RuntimeException unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }

    private CompletableFuture<List<KoladaValue>> fetchAll(String firstUrl) {
        List<KoladaValue> result = new ArrayList<>();
        return page(firstUrl, 0, result).thenApply(done -> result);
    }

    /** Reads one page into {@code result}, then the next one: pages follow each other, never in parallel. */
    private CompletableFuture<Void> page(String url, int page, List<KoladaValue> result) {
        if (url == null) {
            return CompletableFuture.completedFuture(null);
        }
        if (page == MAX_PAGES) {
            return CompletableFuture.failedFuture(
                    new KoladaUnavailableException("indicators.kolada.invalidAnswer", base()));
        }
        return get(url).thenCompose(body -> {
            JsonNode values = body.path("values");
            if (!values.isArray()) {
                throw new KoladaUnavailableException("indicators.kolada.invalidAnswer", base());
            }
            for (JsonNode row : values) {
                read(row, result);
            }
            return page(next(body), page + 1, result);
        });
    }

    private static void read(JsonNode row, List<KoladaValue> into) {
        String kpi = row.path("kpi").asText(null);
        String area = row.hasNonNull("municipality") ? row.get("municipality").asText() : row.path("ou").asText(null);
        JsonNode period = row.get("period");
        if (kpi == null || area == null || period == null || !period.canConvertToInt()) {
            throw new KoladaUnavailableException("indicators.kolada.invalidAnswer", "");
        }
        for (JsonNode v : row.path("values")) {
            JsonNode value = v.get("value");
            BigDecimal number = value == null || value.isNull() ? null
                    : value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText());
            String status = v.path("status").asText("");
            into.add(new KoladaValue(kpi, area, period.asInt(), v.path("gender").asText("T"), number,
                    status.isBlank() ? null : status.strip()));
        }
    }

    /** The next page's address, absolute or relative to the base; null on the last page. */
    private String next(JsonNode body) {
        for (String field : List.of("next_url", "next_page")) {
            JsonNode next = body.get(field);
            if (next != null && !next.isNull() && !next.asText().isBlank()) {
                String link = next.asText();
                return link.startsWith("http://") || link.startsWith("https://")
                        ? link : URI.create(base() + "/").resolve(link.startsWith("/") ? link.substring(1) : link).toString();
            }
        }
        return null;
    }

    private CompletableFuture<JsonNode> get(String url) {
        HttpRequest request;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(readTimeout)
                    .header("Accept", "application/json").GET();
            if (url.startsWith("http://")) {
                // no HTTP/2 upgrade attempt on plain HTTP (a local mirror or test server): it costs a round trip
                builder.version(HttpClient.Version.HTTP_1_1);
            }
            request = builder.build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new KoladaUnavailableException("indicators.kolada.badAddress", url));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).handle((response, failure) -> {
            if (failure != null) {
                throw refusal(url, failure);
            }
            if (response.statusCode() != 200) {
                log.warn("Kolada svarade {} på {}", response.statusCode(), url);
                throw new KoladaUnavailableException("indicators.kolada.errorStatus",
                        String.valueOf(response.statusCode()));
            }
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new KoladaUnavailableException("indicators.kolada.invalidAnswer", base());
            }
        });
    }

    /** The Swedish refusal for a request that got no answer. */
    private KoladaUnavailableException refusal(String url, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof HttpTimeoutException) {
            log.warn("Kolada svarade inte inom tidsgränsen: {}", url);
            return new KoladaUnavailableException("indicators.kolada.timeout", base());
        }
        log.warn("Kolada kunde inte nås på {}: {}", url, cause.toString());
        return new KoladaUnavailableException("indicators.kolada.unreachable", base());
    }

    private String base() {
        String b = baseUrl.strip();
        return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    private static String segment(String id) {
        return URLEncoder.encode(id.strip(), StandardCharsets.UTF_8);
    }

    private static String years(Collection<Integer> years) {
        return years.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }
}
