package se.uppfoljning.load;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server under test: by default the production jar ({@code -Dload.jar}, set by the Maven profile) started on a
 * free port with a fresh embedded database in {@code target/load/postgres} (demo data), or an already running server
 * at {@code -Dload.url} (then CPU and heap figures need {@code -Dload.pid}, e.g. two nodes behind a proxy).
 * Server CPU is the JVM process's own CPU time ({@link ProcessHandle.Info#totalCpuDuration()}; the embedded
 * PostgreSQL is a separate process and not included). Heap is read with {@code jcmd}: a full GC
 * ({@code GC.run}), then the used heap of {@code GC.heap_info}.
 */
final class LoadServer {

    private static LoadServer instance;

    final String baseUrl;
    private final Process process;
    private final ProcessHandle handle;
    private final Path dir;

    private LoadServer(String baseUrl, Process process, ProcessHandle handle, Path dir) {
        this.baseUrl = baseUrl;
        this.process = process;
        this.handle = handle;
        this.dir = dir;
    }

    /** The one server of this run, started on first use. */
    static synchronized LoadServer get() {
        if (instance == null) {
            try {
                instance = start();
            } catch (IOException e) {
                throw new IllegalStateException("Could not start the server: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    private static LoadServer start() throws IOException, InterruptedException {
        Path dir = Path.of(System.getProperty("load.projectDir", ".")).resolve("target/load");
        Files.createDirectories(dir);
        String url = System.getProperty("load.url", "");
        if (!url.isBlank()) {
            String pid = System.getProperty("load.pid", "");
            ProcessHandle handle = pid.isBlank() ? null : ProcessHandle.of(Long.parseLong(pid)).orElseThrow();
            return new LoadServer(url.replaceAll("/$", ""), null, handle, dir);
        }
        Path jar = Path.of(System.getProperty("load.jar", "target/uppfoljning-0.1.0-SNAPSHOT.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IOException(jar + " is missing: run with -Pproduction,load (the production jar is built first)");
        }
        String layout = System.getProperty("load.layout", "extracted");
        if ("extracted".equals(layout)) {
            // the production start the README recommends: Spring Boot's extracted layout (a thin jar and lib/)
            Path extracted = dir.resolve("app");
            deleteTree(extracted);
            Process extract = new ProcessBuilder(javaTool("java"), "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(),
                    "extract", "--destination", extracted.toAbsolutePath().toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("extract.log").toFile()).start();
            if (extract.waitFor() != 0) {
                throw new IOException("extracting " + jar + " failed; see target/load/extract.log");
            }
            jar = extracted.resolve(jar.getFileName());
        } else if (!"jar".equals(layout)) {
            throw new IllegalArgumentException("load.layout must be extracted or jar, not " + layout);
        }
        Path data = dir.resolve("postgres");
        deleteTree(data);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(javaTool("java"),
                "-Xmx" + System.getProperty("load.serverHeap", "1g"),
                "-Djava.io.tmpdir=" + dir.resolve("tmp")));
        if (Boolean.getBoolean("load.jfr")) {
            // a profile of the whole run, for the share of the CPU by method (jfr print --events jdk.ExecutionSample)
            command.add("-XX:StartFlightRecording=filename=" + dir.resolve("server.jfr") + ",settings=profile");
        }
        for (String extra : System.getProperty("load.serverArgs", "").split(" ")) {
            if (!extra.isBlank()) {
                command.add(extra);
            }
        }
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        Files.createDirectories(dir.resolve("tmp"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile());
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        builder.environment().put("APP_DATA_DIR", data.toAbsolutePath().toString());
        builder.environment().put("APP_DEMO", "true");
        // the benchmark logs in far more often than a person: keep the login throttle out of the figures
        builder.environment().put("APP_LOGIN_MAX_FAILURES_PER_ADDRESS", "100000");
        System.out.println("LOAD layout " + layout + "; starting " + String.join(" ", command) + " on port " + port);
        Process process = builder.start();
        String base = "http://localhost:" + port;
        waitUntilUp(base, process, Duration.ofMinutes(5));
        System.out.println("LOAD server up at " + base + " (pid " + process.pid() + ")");
        Figures.note("server start", layout + " layout, -Xmx" + System.getProperty("load.serverHeap", "1g")
                + (Boolean.getBoolean("load.jfr") ? ", JFR profile in target/load/server.jfr" : ""));
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        return new LoadServer(base, process, process.toHandle(), dir);
    }

    private static void waitUntilUp(String base, Process process, Duration limit) throws InterruptedException, IOException {
        HttpClient client = HttpClient.newHttpClient();
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IOException("the server stopped at start; see target/load/server.log");
            }
            try {
                var answer = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IOException("the server did not answer within " + limit);
    }

    /** CPU time of the server's JVM so far; empty when the server is not known by process. */
    Optional<Duration> cpu() {
        return handle == null ? Optional.empty() : handle.info().totalCpuDuration();
    }

    /**
     * CPU time of the server's JVM in nanoseconds, summed over its threads' {@code /proc/<pid>/task/<tid>/schedstat}
     * (nanosecond resolution, where {@link #cpu()} counts 10 ms ticks); -1 when unknown.
     */
    long cpuNanos() {
        if (handle == null) {
            return -1;
        }
        Path tasks = Path.of("/proc", String.valueOf(handle.pid()), "task");
        long sum = 0;
        try (var stream = Files.list(tasks)) {
            for (Path task : stream.toList()) {
                try {
                    String line = Files.readString(task.resolve("schedstat"));
                    sum += Long.parseLong(line.substring(0, line.indexOf(' ')));
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return cpu().map(Duration::toNanos).orElse(-1L);
        }
        return sum;
    }

    /** Bytes of heap in use after a full garbage collection; empty when the server is not known by process. */
    Optional<Long> usedHeapAfterGc() {
        if (handle == null) {
            return Optional.empty();
        }
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        // G1: " garbage-first heap   total 262144K, used 81234K [...]"
        Matcher m = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K").matcher(info);
        if (!m.find()) {
            throw new IllegalStateException("unexpected GC.heap_info: " + info);
        }
        return Optional.of(Long.parseLong(m.group(1)) * 1024);
    }

    /** The heap's live objects by class ({@code jcmd GC.class_histogram}, itself a full GC) into {@code file}. */
    void classHistogram(String file) {
        if (handle == null) {
            return;
        }
        try {
            Files.writeString(dir.resolve(file), jcmd("GC.class_histogram"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String jcmd(String command) {
        try {
            Process p = new ProcessBuilder(javaTool("jcmd"), String.valueOf(handle.pid()), command)
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(2, TimeUnit.MINUTES);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Path dir() {
        return dir;
    }

    /** The host's load average over one minute, as {@code uptime} shows it. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Stops a server this run started (Spring closes the embedded database on the way). */
    synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String javaTool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
