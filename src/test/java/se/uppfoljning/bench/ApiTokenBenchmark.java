package se.uppfoljning.bench;

import org.junit.jupiter.api.Test;
import se.uppfoljning.AbstractIntegrationTest;
import se.uppfoljning.users.ApiTokenService;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests per second of {@code GET …/periods/2024-dr1/follow-up} at 8 concurrent clients, with a personal API token
 * (Bearer: one SHA-256 and one lookup) and with HTTP Basic (a bcrypt check per request), in the same run. Not part of
 * the test suite; run with {@code mvn test -Dtest=ApiTokenBenchmark}. See docs/benchmarks.md.
 */
class ApiTokenBenchmark extends AbstractIntegrationTest {

    private static final int CLIENTS = 8;
    private static final long WARM_UP_MS = 5_000;
    private static final long MEASURE_MS = 20_000;

    @org.springframework.beans.factory.annotation.Autowired
    ApiTokenService tokens;

    @Test
    void bearerVersusBasic() throws Exception {
        testData.reset();
        signIn("politiker");
        String token = tokens.create("benchmark", "read", OffsetDateTime.now().plusDays(1)).secret();
        signOut();
        String url = "http://localhost:" + port + "/api/v1/committees/ks/periods/2024-dr1/follow-up";
        String bearer = "Bearer " + token;
        String basic = "Basic " + Base64.getEncoder().encodeToString("politiker:demo".getBytes(StandardCharsets.UTF_8));

        run(url, bearer, WARM_UP_MS);
        run(url, basic, WARM_UP_MS);
        double bearerRate = run(url, bearer, MEASURE_MS);
        double basicRate = run(url, basic, MEASURE_MS);
        System.out.printf("BENCHMARK follow-up 2024-dr1, %d clients: Bearer %.1f req/s, Basic %.1f req/s, ratio %.1f%n",
                CLIENTS, bearerRate, basicRate, bearerRate / basicRate);
        assertThat(bearerRate).isPositive();
    }

    /** Requests per second over {@code millis}, every answer checked to be a 200. */
    private static double run(String url, String authorization, long millis) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization).GET().build();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Integer>> counts = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < CLIENTS; i++) {
            counts.add(pool.submit(() -> {
                int done = 0;
                while (!stop.get()) {
                    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("status " + response.statusCode());
                    }
                    done++;
                }
                return done;
            }));
        }
        Thread.sleep(millis);
        stop.set(true);
        int total = 0;
        for (Future<Integer> count : counts) {
            total += count.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return total / seconds;
    }
}
