package se.uppfoljning.bench;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import se.uppfoljning.AbstractIntegrationTest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A decided period's public page under 32 concurrent anonymous clients on loopback, warm: requests per second and
 * the median and 95th percentile of the time to the whole answer. The clients run in the same JVM on the same two
 * cores as the server, so the figures are a lower bound. Not part of the suite; run with
 * {@code mvn test -Dtest=PublicPagesBenchmark -Dsurefire.failIfNoSpecifiedTests=false}. The rate limit is raised
 * for the run: all clients share one address.
 */
@TestPropertySource(properties = "app.public.rate-limit-per-minute=100000000")
class PublicPagesBenchmark extends AbstractIntegrationTest {

    private static final int CLIENTS = 32;

    @Test
    void publicPeriodPage() throws Exception {
        testData.reset();
        URI page = URI.create("http://localhost:" + port + "/offentlig/orebro/ks/2024-dr1");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        run(http, page, Duration.ofSeconds(8)); // warm-up
        Result result = run(http, page, Duration.ofSeconds(20));
        System.out.printf("BENCHMARK public period page, %d clients: %.0f requests/s, median %.1f ms, p95 %.1f ms, "
                        + "%d errors, %d requests, %d bytes each%n", CLIENTS, result.perSecond(), result.median(),
                result.p95(), result.errors(), result.latencies().size(), result.bytes());
        assertThat(result.errors()).isZero();
    }

    record Result(List<Long> latencies, long errors, double seconds, long bytes) {
        double perSecond() {
            return latencies.size() / seconds;
        }

        double median() {
            return percentile(50);
        }

        double p95() {
            return percentile(95);
        }

        double percentile(int p) {
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1_000_000.0;
        }
    }

    private static Result run(HttpClient http, URI page, Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Future<?>> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(pool.submit(() -> {
                HttpRequest request = HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(10)).build();
                while (System.nanoTime() < end) {
                    long t = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                        bytes.set(response.body().length);
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    latencies.add(System.nanoTime() - t);
                }
                return null;
            }));
        }
        for (Future<?> client : clients) {
            client.get();
        }
        pool.shutdown();
        return new Result(latencies, errors.get(), (System.nanoTime() - start) / 1e9, bytes.get());
    }
}
