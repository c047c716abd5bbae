package se.uppfoljning.load;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.flushCookieJar;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The capacity benchmark of issue 17 (docs/benchmarks.md): the production jar, demo data, virtual users of each demo
 * role speaking Vaadin's protocol. Phases, one after the other, chosen with {@code -Dload.phases} (default all):
 * <ol>
 *   <li>{@code cost}: one user at a time, {@code load.costRounds} rounds of login view, login, overview page load,
 *       framsteg, ekonomi, overview; per step the server's CPU and the bytes, as ratios to the login view;</li>
 *   <li>{@code heap}: {@code load.heapSessions} sessions with the overview open; used heap after a full GC before
 *       and after, divided by the sessions;</li>
 *   <li>{@code realistic}: {@code load.users} users ramped over {@code load.ramp} seconds, for
 *       {@code load.duration} seconds, think time 5–15 s: overview, open and save an entry (roles that may edit),
 *       framsteg, ekonomi;</li>
 *   <li>{@code stress}: users ramped from 0 to {@code load.stressUsers} over {@code load.stressDuration} seconds,
 *       think time 1–3 s, framsteg → ekonomi → overview; p95 by number of users;</li>
 *   <li>{@code api}: a read-only API token, {@code load.apiClients} clients without pause on
 *       {@code GET /api/v1/committees/ks/periods/2024-dr1/follow-up}: {@code load.apiWarmUp} seconds of warm-up (the
 *       JIT compilers of a fresh server need about two minutes of such load on two cores before the CPU per request
 *       settles; reported on their own as the cold figures), then {@code load.apiDuration} seconds measured.</li>
 * </ol>
 */
public class CapacitySimulation extends Simulation {

    static final String LOGIN_VIEW = "login view";
    static final String OVERVIEW_TEXT = "Uppföljning av mål och uppdrag";
    static final String PROGRESS_TEXT = "Framsteg per strategiskt område";
    static final String FINANCE_TEXT = "Belopp i tkr";
    static final String LOGIN_TEXT = "Uppföljning av mål, uppdrag och ekonomi";
    /**
     * A save's answer: saved, or refused because another user saved the same entry after this one opened it (the
     * application's optimistic lock; with a few demo users sharing 49 rows that happens, and it is a correct answer).
     */
    static final String SAVED_TEXT = "Sparat: |Posten har sparats av";

    /** The demo users (README), each with password "demo"; the ones that may edit follow-up save entries. */
    static final List<String> USERS = List.of("politiker", "tjansteperson", "sekretariat", "controller", "admin", "kultur");
    static final Set<String> EDITORS = Set.of("tjansteperson", "sekretariat", "kultur");

    private static final Set<String> PHASES = Arrays.stream(System.getProperty("load.phases",
            "cost,heap,realistic,stress,api").split(",")).map(String::strip).collect(Collectors.toSet());
    private static final int COST_ROUNDS = Integer.getInteger("load.costRounds", 30);
    private static final int HEAP_SESSIONS = Integer.getInteger("load.heapSessions", 50);
    private static final int USERS_N = Integer.getInteger("load.users", 30);
    private static final int RAMP = Integer.getInteger("load.ramp", 30);
    private static final int DURATION = Integer.getInteger("load.duration", 120);
    private static final int STRESS_USERS = Integer.getInteger("load.stressUsers", 100);
    private static final int STRESS_DURATION = Integer.getInteger("load.stressDuration", 120);
    private static final int API_CLIENTS = Integer.getInteger("load.apiClients", 8);
    private static final int API_DURATION = Integer.getInteger("load.apiDuration", 30);
    private static final int API_WARM_UP = Integer.getInteger("load.apiWarmUp", 120);
    private static final String API_PATH = "/api/v1/committees/ks/periods/2024-dr1/follow-up";

    private static final LoadServer server = LoadServer.get();
    /** Items of the open period whose follow-up can be saved by hand (not derived from finance, with a status). */
    private static final Set<Long> SAVABLE = savableItems();
    private static final AtomicInteger stressStarted = new AtomicInteger();
    /** Overview answers in which no edit call was found (the open-entry step was then skipped, not counted). */
    private static final AtomicInteger editNotFound = new AtomicInteger();
    private static final AtomicLong heapBefore = new AtomicLong();
    private static final AtomicLong phaseCpu = new AtomicLong();
    private static final AtomicLong warmUpCpu = new AtomicLong();
    private static final AtomicLong warmUpCpuSpent = new AtomicLong();
    private static final AtomicBoolean apiStarted = new AtomicBoolean();
    private static volatile String apiToken;

    private final HttpProtocolBuilder protocol = http.baseUrl(server.baseUrl)
            .acceptLanguageHeader("sv-SE,sv;q=0.9")
            .acceptEncodingHeader("gzip, deflate")
            .userAgentHeader("Mozilla/5.0 (X11; Linux x86_64) Gatling load benchmark")
            .disableCaching();

    /** Read once through the API (set-up, not measured). */
    private static Set<Long> savableItems() {
        Set<Long> ids = new HashSet<>();
        var client = HttpClient.newHttpClient();
        String basic = Base64.getEncoder().encodeToString("sekretariat:demo".getBytes());
        for (String committee : List.of("ks", "kfn")) {
            try {
                String json = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl
                                        + "/api/v1/committees/" + committee + "/periods/2024-dr2/follow-up"))
                                .header("Authorization", "Basic " + basic).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                var rows = Pattern.compile("\\{\"id\":(\\d+),[^{}]*?\"status\":(null|\"[^\"]*\")"
                        + "[^{}]*?\"derivedFromFinance\":(true|false)").matcher(json);
                while (rows.find()) {
                    if (!"null".equals(rows.group(2)) && "false".equals(rows.group(3))) {
                        ids.add(Long.parseLong(rows.group(1)));
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("no savable item found in the demo's open period");
        }
        return ids;
    }

    // ---- the steps -------------------------------------------------------------------------------------------

    private static Iterator<Map<String, Object>> roles() {
        AtomicInteger next = new AtomicInteger();
        return Stream.generate(() -> Map.<String, Object>of("user", USERS.get(next.getAndIncrement() % USERS.size())))
                .iterator();
    }

    /** The login page (bootstrap + init of the login route), then the form post; ends on the overview's page. */
    private static ChainBuilder login(String phase) {
        return exec(flushCookieJar())
                .exec(Vaadin.pageLoad(phase + LOGIN_VIEW, "/login", LOGIN_TEXT))
                .exec(record(phase + LOGIN_VIEW))
                .exec(http(phase + "login (form post)").post("/login")
                        .formParam("username", "#{user}").formParam("password", "demo")
                        .disableFollowRedirect()
                        // a failed login redirects back to /login?error (or ?error&locked)
                        .check(status().is(302), io.gatling.javaapi.http.HttpDsl.headerRegex("Location", "/login")
                                .notExists()))
                .exec(Vaadin.pageLoad(phase + "overview (page load)", "/", OVERVIEW_TEXT))
                .exec(record(phase + "overview (page load)"));
    }

    /** Records the last step's time when its checks passed (the view's text came back). */
    private static Function<Session, Session> record(String step) {
        return session -> {
            if (!session.isFailed() && session.contains("rt")) {
                Figures.time(step, session.getInt("rt"));
            }
            return session.remove("rt");
        };
    }

    private static ChainBuilder step(String step, io.gatling.javaapi.http.HttpRequestActionBuilder request) {
        return exec(request).exec(record(step));
    }

    /**
     * Opens the edit dialog of one of the overview's rows (its edit button is in a LitRenderer template, so the
     * browser calls the renderer's function {@code edit} through a return channel) and saves it.
     */
    private static ChainBuilder openAndSave(String phase) {
        return exec(session -> {
            List<String> edits = Vaadin.editCalls(session, SAVABLE);
            if (edits.isEmpty()) {
                if (editNotFound.getAndIncrement() == 0 && session.contains("last")) {
                    // the first such answer, to see what the overview sent
                    try {
                        Files.writeString(server.dir().resolve("edit-not-found.json"), session.getString("last"));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                // skipped and counted in the summary; not a failure, which would also drop the loop's later steps
                return session.remove("editCall");
            }
            // different users edit different rows; a row one user saved is reloaded on the next overview
            return session.set("editCall", edits.get(ThreadLocalRandom.current().nextInt(edits.size())));
        })
                .doIf(session -> !session.isFailed() && session.contains("editCall")).then(
                        step(phase + "open entry", Vaadin.rendererCall(phase + "open entry", "editCall", "edit",
                                "entry-comment"))
                                .exec(session -> {
                                    var comment = Vaadin.nodesWithId(session, "entry-comment");
                                    var save = Vaadin.nodesWithId(session, "entry-save");
                                    if (comment.isEmpty() || save.isEmpty()) {
                                        return session.markAsFailed();
                                    }
                                    return session.set("commentNode", comment.get(0)).set("saveNode", save.get(0));
                                })
                                .doIf(session -> !session.isFailed()).then(
                                        exec(Vaadin.setValue(phase + "type comment", "commentNode",
                                                "Lasttest " + System.nanoTime(), "syncId"))
                                                .exec(Vaadin.click(phase + "save entry", "saveNode", SAVED_TEXT))
                                                .exec(session -> record(phase + (session.contains("last")
                                                        && session.getString("last").contains("Sparat: ")
                                                        ? "save entry" : "save entry (refused: stale)")).apply(session))));
    }

    private static ChainBuilder think(int min, int max) {
        return pause(Duration.ofSeconds(min), Duration.ofSeconds(max));
    }

    // ---- the phases ------------------------------------------------------------------------------------------

    /** Server CPU of each step, one request at a time (nothing else runs on the server). */
    private static ChainBuilder measured(String step, ChainBuilder chain) {
        return exec(session -> session.set("cpu0", server.cpuNanos()))
                .exec(chain)
                .exec(session -> {
                    long cpu = server.cpuNanos() - session.getLong("cpu0");
                    if (!session.isFailed() && session.contains("bytes") && session.getInt("round") >= 5) {
                        Figures.cost(step, Math.max(0, cpu), session.getInt("bytes"));
                    }
                    return session;
                });
    }

    private ScenarioBuilder cost() {
        String p = "cost: ";
        return scenario("cost")
                .exec(session -> {
                    Figures.phase("cost", true);
                    return session;
                })
                .repeat(COST_ROUNDS, "round").on(
                        exec(session -> session.set("user", USERS.get(session.getInt("round") % USERS.size())))
                                .exec(flushCookieJar())
                                .exec(measured(LOGIN_VIEW, Vaadin.pageLoad(p + LOGIN_VIEW, "/login", LOGIN_TEXT)))
                                .exec(measured("login (form post, bcrypt)", exec(http(p + "login (form post)").post("/login")
                                        .formParam("username", "#{user}").formParam("password", "demo")
                                        .disableFollowRedirect()
                                        .check(status().is(302), io.gatling.javaapi.http.HttpDsl.headerRegex("Location", "/login").notExists(),
                                                io.gatling.javaapi.core.CoreDsl.bodyLength().saveAs("bytes")))))
                                .exec(measured("overview (page load)", Vaadin.pageLoad(p + "overview (page load)", "/", OVERVIEW_TEXT)))
                                .exec(measured("framsteg", exec(Vaadin.navigate(p + "framsteg", "framsteg", PROGRESS_TEXT))))
                                .exec(measured("ekonomi", exec(Vaadin.navigate(p + "ekonomi", "ekonomi", FINANCE_TEXT))))
                                .exec(measured("overview (navigation)", exec(Vaadin.navigate(p + "overview", "", OVERVIEW_TEXT)))))
                .exec(session -> {
                    Figures.phase("cost", false);
                    return session;
                });
    }

    private ScenarioBuilder heapMark(boolean before) {
        return scenario(before ? "heap before" : "heap after").exec(session -> {
            long used = server.usedHeapAfterGc().orElse(-1L);
            if (Boolean.getBoolean("load.histogram")) {
                // what the heap holds, by class: the difference of the two is what the open sessions keep
                server.classHistogram("heap-histogram-" + (before ? "before" : "after") + ".txt");
            }
            if (before) {
                heapBefore.set(used);
                Figures.note("heap before the sessions (after full GC)", used / 1024 + " KB");
            } else if (used >= 0) {
                Figures.note("heap after " + HEAP_SESSIONS + " sessions with the overview open (after full GC)",
                        used / 1024 + " KB");
                Figures.note("heap per open UI (overview)", String.format(Locale.ROOT, "%.0f KB",
                        (used - heapBefore.get()) / 1024.0 / HEAP_SESSIONS));
            }
            return session;
        });
    }

    /**
     * The sessions one after another on one connection: the server then holds the sessions and their UIs, not also
     * the buffers of many concurrent connections (Tomcat keeps a processor with its request and response buffers for
     * each connection open at the same time and caches up to 200 of them), which made the figure grow with the
     * machine's load.
     */
    private ScenarioBuilder heap() {
        return scenario("heap").repeat(HEAP_SESSIONS).on(feed(roles()).exec(login("heap: ")));
    }

    private ScenarioBuilder realistic() {
        String p = "realistic: ";
        return scenario("realistic")
                .feed(roles())
                .exec(session -> {
                    Figures.phase("realistic", true);
                    return session;
                })
                .exec(login(p))
                .during(Duration.ofSeconds(DURATION)).on(
                        think(5, 15)
                                .exec(doIf(session -> EDITORS.contains(session.getString("user"))).then(openAndSave(p)))
                                .exec(think(5, 15))
                                .exec(step(p + "framsteg", Vaadin.navigate(p + "framsteg", "framsteg", PROGRESS_TEXT)))
                                .exec(think(5, 15))
                                .exec(step(p + "ekonomi", Vaadin.navigate(p + "ekonomi", "ekonomi", FINANCE_TEXT)))
                                .exec(think(5, 15))
                                .exec(step(p + "overview", Vaadin.navigate(p + "overview", "", OVERVIEW_TEXT))))
                .exec(session -> {
                    Figures.phase("realistic", false);
                    return session;
                });
    }

    private ScenarioBuilder stress() {
        String p = "stress: ";
        return scenario("stress")
                .feed(roles())
                .exec(session -> session.set("stressUsers", stressStarted.incrementAndGet()))
                .exec(login(p))
                .asLongAs(session -> stressStarted.get() < STRESS_USERS || session.getInt("stressLoops") < 3,
                        "stressLoops").on(
                        think(1, 3)
                                .exec(stressStep(p + "framsteg", Vaadin.navigate(p + "framsteg", "framsteg", PROGRESS_TEXT)))
                                .exec(think(1, 3))
                                .exec(stressStep(p + "ekonomi", Vaadin.navigate(p + "ekonomi", "ekonomi", FINANCE_TEXT)))
                                .exec(think(1, 3))
                                .exec(stressStep(p + "overview", Vaadin.navigate(p + "overview", "", OVERVIEW_TEXT))));
    }

    private static ChainBuilder stressStep(String step, io.gatling.javaapi.http.HttpRequestActionBuilder request) {
        return exec(request).exec(session -> {
            if (!session.isFailed() && session.contains("rt")) {
                Figures.time(step, session.getInt("rt"));
                Figures.stress(stressStarted.get(), Math.max(1, STRESS_USERS / 10), session.getInt("rt"));
            }
            return session.remove("rt");
        });
    }

    private ScenarioBuilder apiToken() {
        return scenario("api token").exec(http("api: create token (HTTP Basic)").post("/api/v1/me/tokens")
                        .basicAuth("politiker", "demo")
                        .header("Content-Type", "application/json")
                        .body(StringBody("{\"name\":\"lasttest\",\"scope\":\"read\",\"expiresAt\":\"" + OffsetDateTime.now().plusDays(2) + "\"}"))
                        .check(status().is(201), jsonPath("$.token").saveAs("token")))
                .exec(session -> {
                    apiToken = session.getString("token");
                    return session;
                });
    }

    /**
     * The API clients. The warm-up round's figures are the cold ones (JIT compilation included), apart from the
     * measured round's.
     */
    private ScenarioBuilder api(boolean warmUp) {
        String name = warmUp ? "api warm-up: GET follow-up (Bearer)" : "api: GET follow-up (Bearer)";
        return scenario(warmUp ? "api warm-up" : "api")
                .exec(session -> {
                    if (warmUp && warmUpCpu.compareAndSet(0, 1)) {
                        warmUpCpu.set(server.cpuNanos());
                        Figures.phase("api warm-up", true);
                    } else if (!warmUp && apiStarted.compareAndSet(false, true)) {
                        long now = server.cpuNanos();
                        phaseCpu.set(now);
                        warmUpCpuSpent.set(now - warmUpCpu.get());
                        Figures.phase("api warm-up", false);
                        Figures.phase("api", true);
                    }
                    return session;
                })
                .during(Duration.ofSeconds(warmUp ? API_WARM_UP : API_DURATION)).on(
                        exec(http(name).get(API_PATH)
                                .header("Authorization", session -> "Bearer " + apiToken)
                                .check(status().is(200), substring("\"rowCount\"").exists(),
                                        responseTimeInMillis().saveAs("rt")))
                                .exec(record(name)));
    }

    /**
     * Throughput and the server's CPU per request of one API round; the CPU only when the server is known by process
     * (not through a proxy without {@code load.pid}).
     */
    private static void apiFigures(String phase, long cpuNanos) {
        int n = Figures.count(phase + ":");
        double seconds = Figures.phaseSeconds(phase);
        Figures.note(phase + " throughput", String.format(Locale.ROOT, "%.0f requests/s at %d clients (%d in %.0f s)",
                n / seconds, API_CLIENTS, n, seconds));
        if (server.cpuNanos() >= 0) {
            double perRequest = cpuNanos / 1e6 / n;
            Figures.note(phase + " server CPU per request", String.format(Locale.ROOT,
                    "%.2f ms (so two idle cores carry about %.0f requests/s)", perRequest, 2000.0 / perRequest));
        }
    }

    // ---- set-up ----------------------------------------------------------------------------------------------

    {
        List<PopulationBuilder> chain = new ArrayList<>();
        if (PHASES.contains("cost")) {
            chain.add(cost().injectOpen(atOnceUsers(1)));
        }
        if (PHASES.contains("heap")) {
            chain.add(heapMark(true).injectOpen(atOnceUsers(1)));
            chain.add(heap().injectOpen(atOnceUsers(1)));
            chain.add(heapMark(false).injectOpen(atOnceUsers(1)));
        }
        if (PHASES.contains("realistic")) {
            chain.add(realistic().injectOpen(rampUsers(USERS_N).during(Duration.ofSeconds(RAMP))));
        }
        if (PHASES.contains("stress")) {
            chain.add(stress().injectOpen(rampUsers(STRESS_USERS).during(Duration.ofSeconds(STRESS_DURATION))));
        }
        if (PHASES.contains("api")) {
            chain.add(apiToken().injectOpen(atOnceUsers(1)));
            chain.add(api(true).injectOpen(atOnceUsers(API_CLIENTS)));
            chain.add(api(false).injectOpen(atOnceUsers(API_CLIENTS)));
        }
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("no phase in -Dload.phases=" + PHASES);
        }
        PopulationBuilder first = chain.get(chain.size() - 1);
        for (int i = chain.size() - 2; i >= 0; i--) {
            first = chain.get(i).andThen(first);
        }
        // any failed request (a non-200, a session-expired or error answer, a view whose text did not come back)
        // fails the run
        setUp(first).protocols(protocol)
                .assertions(io.gatling.javaapi.core.CoreDsl.global().failedRequests().count().is(0L));
    }

    @Override
    public void before() {
        Figures.note("server", server.baseUrl + " (production jar, demo data)");
        Figures.note("host load average at start (/proc/loadavg)", LoadServer.loadAverage());
        Figures.note("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
    }

    @Override
    public void after() {
        if (apiStarted.get()) {
            Figures.phase("api", false);
            apiFigures("api", server.cpuNanos() - phaseCpu.get());
            apiFigures("api warm-up", warmUpCpuSpent.get());
        }
        if (PHASES.contains("realistic")) {
            int n = Figures.count("realistic:");
            Figures.note("realistic round trips counted", String.valueOf(n));
            Figures.note("realistic: open entry skipped (no edit button found in the overview's answer)",
                    String.valueOf(editNotFound.get()));
        }
        if (PHASES.contains("stress")) {
            String crossed = Figures.stressLevels().entrySet().stream()
                    .filter(e -> Figures.percentile(e.getValue(), 95) > 500).map(e -> "≤ " + e.getKey() + " users")
                    .findFirst().orElse("not within " + STRESS_USERS + " users");
            Figures.note("stress: p95 first above 500 ms at", crossed);
        }
        Figures.note("host load average at end (/proc/loadavg)", LoadServer.loadAverage());
        Figures.write(server.dir().resolve("summary.md"));
        server.stop();
    }
}
