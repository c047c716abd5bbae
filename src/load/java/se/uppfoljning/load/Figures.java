package se.uppfoljning.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The figures the run writes to {@code target/load/summary.md} beside Gatling's own report: per step the response
 * times of the steps whose view text came back (p50/p95/p99), the server's CPU and the bytes per step measured
 * one request at a time (the cost phase), and their ratios to the login view of the same run.
 */
final class Figures {

    private static final Map<String, List<Integer>> times = new ConcurrentHashMap<>();
    private static final Map<String, List<long[]>> costs = new ConcurrentHashMap<>();
    private static final Map<Integer, List<Integer>> stressByUsers = new ConcurrentHashMap<>();
    private static final Map<String, String> notes = Collections.synchronizedMap(new LinkedHashMap<>());
    private static final Map<String, Long> phaseStart = new ConcurrentHashMap<>();
    private static final Map<String, Long> phaseEnd = new ConcurrentHashMap<>();

    private Figures() {
    }

    static void time(String step, int millis) {
        times.computeIfAbsent(step, k -> Collections.synchronizedList(new ArrayList<>())).add(millis);
    }

    /** One step of the cost phase: server CPU in nanoseconds and the answer's bytes. */
    static void cost(String step, long cpuNanos, long bytes) {
        costs.computeIfAbsent(step, k -> Collections.synchronizedList(new ArrayList<>())).add(new long[]{cpuNanos, bytes});
    }

    /** A stress step's response time under the given number of started users, in bands of {@code band}. */
    static void stress(int users, int band, int millis) {
        int level = ((users + band - 1) / band) * band;
        stressByUsers.computeIfAbsent(level, k -> Collections.synchronizedList(new ArrayList<>())).add(millis);
    }

    static void note(String key, String text) {
        notes.put(key, text);
        System.out.println("LOAD " + key + ": " + text);
    }

    static void phase(String name, boolean start) {
        (start ? phaseStart : phaseEnd).put(name, System.nanoTime());
    }

    static double phaseSeconds(String name) {
        Long s = phaseStart.get(name);
        Long e = phaseEnd.get(name);
        return s == null || e == null ? Double.NaN : (e - s) / 1e9;
    }

    static int count(String prefix) {
        return times.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToInt(e -> e.getValue().size()).sum();
    }

    static double percentile(List<Integer> values, double p) {
        List<Integer> sorted;
        synchronized (values) {
            sorted = new ArrayList<>(values);
        }
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static Map<Integer, List<Integer>> stressLevels() {
        return new TreeMap<>(stressByUsers);
    }

    /** The summary as Markdown. */
    static String summary() {
        StringBuilder out = new StringBuilder();
        out.append("# Load benchmark summary\n\n");
        synchronized (notes) {
            notes.forEach((k, v) -> out.append("- ").append(k).append(": ").append(v).append('\n'));
        }
        if (!costs.isEmpty()) {
            out.append("\n## Cost per step, one request at a time (warm; median over the rounds)\n\n");
            out.append("| step | server CPU ms | × login view | KB sent | × login view |\n| --- | --- | --- | --- | --- |\n");
            double baseCpu = median(costs.get(CapacitySimulation.LOGIN_VIEW), 0);
            double baseBytes = median(costs.get(CapacitySimulation.LOGIN_VIEW), 1);
            new TreeMap<>(costs).forEach((step, list) -> {
                double cpu = median(list, 0);
                double bytes = median(list, 1);
                out.append(String.format(Locale.ROOT, "| %s | %.1f | %.2f | %.1f | %.2f |%n", step, cpu / 1e6,
                        cpu / baseCpu, bytes / 1024, bytes / baseBytes));
            });
        }
        out.append("\n## Response times of the steps whose view text came back\n\n");
        out.append("| step | count | p50 ms | p95 ms | p99 ms |\n| --- | --- | --- | --- | --- |\n");
        new TreeMap<>(times).forEach((step, list) -> out.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f |%n",
                step, list.size(), percentile(list, 50), percentile(list, 95), percentile(list, 99))));
        if (!stressByUsers.isEmpty()) {
            out.append("\n## Stress: response times by started users (all round trips in the band)\n\n");
            out.append("| users up to | round trips | p50 ms | p95 ms | p99 ms |\n| --- | --- | --- | --- | --- |\n");
            stressLevels().forEach((users, list) -> out.append(String.format(Locale.ROOT, "| %d | %d | %.0f | %.0f | %.0f |%n",
                    users, list.size(), percentile(list, 50), percentile(list, 95), percentile(list, 99))));
        }
        return out.toString();
    }

    private static double median(List<long[]> list, int column) {
        if (list == null || list.isEmpty()) {
            return Double.NaN;
        }
        List<Long> values = new ArrayList<>();
        synchronized (list) {
            for (long[] v : list) {
                values.add(v[column]);
            }
        }
        Collections.sort(values);
        return values.get(values.size() / 2);
    }

    static void write(Path file) {
        try {
            Files.writeString(file, summary());
            System.out.println(summary());
            System.out.println("LOAD summary written to " + file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
