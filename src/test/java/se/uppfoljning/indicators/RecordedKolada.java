package se.uppfoljning.indicators;

import com.sun.net.httpserver.HttpServer;
import se.uppfoljning.indicators.kolada.KoladaClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A local stand-in for Kolada (the JDK's HttpServer on a free port) answering with the recorded responses in
 * {@code src/test/resources/kolada/}: a route maps a path prefix (and optionally a query) to an answer. No network.
 */
public final class RecordedKolada implements AutoCloseable {

    /** An answer: HTTP status, body, and a delay before answering (for time-outs). */
    public record Answer(int status, String body, long delayMillis) {
        public static Answer ok(String body) {
            return new Answer(200, body, 0);
        }
    }

    static {
        // answer without waiting for delayed acknowledgements (Nagle): 40 ms per request otherwise
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    /** The client pointed at this server by {@link #servingFor} and its base URL before, restored by {@link #close}. */
    private KoladaClient client;
    private String clientsBaseUrl;
    private final Map<String, Function<String, Answer>> routes = new ConcurrentHashMap<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    public RecordedKolada() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            requests.add(path + (query == null ? "" : "?" + query));
            Answer answer = routes.entrySet().stream()
                    .filter(e -> (path + (query == null ? "" : "?" + query)).startsWith(e.getKey()))
                    .max(Comparator.comparingInt(e -> e.getKey().length()))
                    .map(e -> e.getValue().apply(path + (query == null ? "" : "?" + query)))
                    .orElse(new Answer(404, "{\"detail\":\"Not Found\"}", 0));
            try {
                if (answer.delayMillis() > 0) {
                    Thread.sleep(answer.delayMillis());
                }
                byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(answer.status(), body.length);
                exchange.getResponseBody().write(body);
            } catch (InterruptedException | IOException e) {
                // the client gave up (time-out test)
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    /**
     * A stand-in that {@code client} (the application's Kolada client) asks instead of Kolada until {@link #close},
     * which points it back where it was.
     */
    public static RecordedKolada servingFor(KoladaClient client) {
        RecordedKolada kolada = new RecordedKolada();
        kolada.client = client;
        kolada.clientsBaseUrl = client.baseUrl();
        client.setBaseUrl(kolada.baseUrl());
        return kolada;
    }

    /** The base URL as Kolada's: {@code http://127.0.0.1:<port>/v3}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v3";
    }

    /** Answers requests whose path (with query) starts with {@code prefix} (after /v3) with the recorded file. */
    public RecordedKolada route(String prefix, String resource) {
        String body = resource(resource);
        return answer(prefix, q -> Answer.ok(body));
    }

    /** Answers requests starting with {@code prefix} (after /v3); {@code answer} gets the request's path and query. */
    public RecordedKolada answer(String prefix, Function<String, Answer> answer) {
        routes.put("/v3" + prefix, answer);
        return this;
    }

    public void clearRoutes() {
        routes.clear();
        requests.clear();
    }

    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** A recorded file with the server's address in place of ${BASE}. */
    public String resource(String name) {
        try (InputStream in = RecordedKolada.class.getResourceAsStream("/kolada/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded response " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${BASE}", baseUrl());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (client != null) {
            client.setBaseUrl(clientsBaseUrl);
        }
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
