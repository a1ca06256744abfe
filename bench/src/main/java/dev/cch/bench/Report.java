package dev.cch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Collects the proxy benchmark's figures and writes them as markdown: medians over rounds, added cost over direct. */
final class Report {
    private static final String NOTES = "\n## Notes";

    private final int seconds;
    private final int rounds;
    private final String loadBefore = loadAverage();
    private final Map<String, Map<String, List<Wrk.Result>>> runs = new LinkedHashMap<>();
    private final Map<String, List<Double>> cpu = new LinkedHashMap<>();
    private final Map<String, List<Long>> ttfb = new LinkedHashMap<>();
    private final Map<String, Wrk.Result> streams = new LinkedHashMap<>();
    private final Map<String, Long> streamRss = new LinkedHashMap<>();
    private List<String> hubFlags = List.of();
    private final List<String> warmUps = new ArrayList<>();
    private final Map<String, List<Double>> servicesCpu = new LinkedHashMap<>();

    Report(int seconds, int rounds) {
        this.seconds = seconds;
        this.rounds = rounds;
    }

    void add(String scenario, String target, Wrk.Result r, double cpuMicrosPerRequest) {
        runs.computeIfAbsent(scenario, s -> new LinkedHashMap<>()).computeIfAbsent(target, t -> new ArrayList<>()).add(r);
        if (!Double.isNaN(cpuMicrosPerRequest)) {
            cpu.computeIfAbsent(target, t -> new ArrayList<>()).add(cpuMicrosPerRequest);
        }
    }

    /** PostgreSQL and Redis CPU per request during a target's c=64 run (the hub's log rows and limit scripts). */
    void addServices(String target, double micros) {
        if (!Double.isNaN(micros)) {
            servicesCpu.computeIfAbsent(target, t -> new ArrayList<>()).add(micros);
        }
    }

    void warmUp(String target, int seconds, long lastCompiled) {
        warmUps.add(String.format(Locale.ROOT, "%s %d s (%d methods compiled in the last 5 s)", target, seconds, lastCompiled));
    }

    void addTtfb(String target, long[] micros) {
        List<Long> l = ttfb.computeIfAbsent(target, t -> new ArrayList<>());
        Arrays.stream(micros).forEach(l::add);
    }

    void addStreams(String target, Wrk.Result r, long peakRssMb) {
        streams.put(target, r);
        streamRss.put(target, peakRssMb);
    }

    void hubFlags(List<String> flags) {
        this.hubFlags = flags;
    }

    double median(String scenario, String target, ToDoubleFunction<Wrk.Result> f) {
        List<Wrk.Result> l = runs.getOrDefault(scenario, Map.of()).get(target);
        return l == null ? Double.NaN : median(l.stream().mapToDouble(f).toArray());
    }

    static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    static double percentile(List<Long> v, double p) {
        if (v.isEmpty()) {
            return Double.NaN;
        }
        long[] s = v.stream().mapToLong(Long::longValue).sorted().toArray();
        return s[(int) Math.min(s.length - 1, Math.ceil(p / 100 * s.length) - 1)];
    }

    String markdown(String command, Instant at) {
        StringBuilder sb = new StringBuilder("### Proxy overhead: direct vs bare Helidon relay vs hub (all features on)\n\n");
        sb.append(String.format(Locale.ROOT, "Run %s with `%s`: %d rounds of %d s per scenario and target, targets alternating.%n",
                at.toString().substring(0, 16).replace('T', ' ') + " UTC", command, rounds, seconds));
        sb.append("Machine: ").append(machine()).append(String.format(Locale.ROOT,
                "; load average before %s, after %s (everything below shares these cores: wrk, the upstream, the relay, the hub,"
                        + " PostgreSQL and Redis).%n", loadBefore, loadAverage()));
        sb.append("Hub flags: `").append(String.join(" ", hubFlags)).append("`; the relay runs on bin/jvm.options. ")
                .append("Hub: key auth, limits in Redis, session stickiness, request log in PostgreSQL, metrics.\n");
        sb.append("Warm-up with mixed traffic until the JIT settles: ").append(String.join(", ", warmUps)).append(".\n\n");
        sb.append("| scenario | target | result | added over direct | target met |\n|---|---|---|---|---|\n");
        latencyRows(sb, "a", "a) small JSON, c=1", 0.5, 3.0);
        throughputRows(sb);
        streamRows(sb);
        latencyRows(sb, "d", "d) 200 KB body, c=1", 1.5, Double.NaN);
        sb.append("\nLatencies are wrk's (`--latency`) medians over rounds; CPU per request from /proc/<pid>/stat before and after "
                + "each c=64 run. First event: a raw-socket client, 1,000 sequential short streams per round on one keep-alive connection, "
                + "time from the request's last byte to the first `event:` bytes. Streams: 2,000 wrk connections each holding a "
                + "2 s stream of 20 events, run for " + Math.max(seconds, 10) + " s; errors = socket errors + non-2xx; RSS = peak during the run.\n");
        return sb.toString();
    }

    private void latencyRows(StringBuilder sb, String s, String title, double p50Goal, double p99Goal) {
        if (!runs.containsKey(s)) {
            return;
        }
        double d50 = median(s, "direct", Wrk.Result::p50);
        double d99 = median(s, "direct", Wrk.Result::p99);
        for (String t : ProxyBench.TARGETS) {
            double p50 = median(s, t, Wrk.Result::p50);
            double p99 = median(s, t, Wrk.Result::p99);
            String added = t.equals("direct") ? "" : String.format(Locale.ROOT, "p50 +%.3f ms, p99 +%.3f ms", p50 - d50, p99 - d99);
            String met = !t.equals("hub") ? "" : (p50 - d50 <= p50Goal && (Double.isNaN(p99Goal) || p99 - d99 <= p99Goal) ? "yes" : "**no**")
                    + String.format(Locale.ROOT, " (p50 ≤ %.1f ms%s)", p50Goal, Double.isNaN(p99Goal) ? "" : String.format(Locale.ROOT, ", p99 ≤ %.0f ms", p99Goal));
            sb.append(String.format(Locale.ROOT, "| %s | %s | p50 %.3f ms, p99 %.3f ms, %,.0f req/s | %s | %s |%n",
                    title, t, p50, p99, median(s, t, Wrk.Result::rps), added, met));
        }
    }

    private void throughputRows(StringBuilder sb) {
        if (!runs.containsKey("b")) {
            return;
        }
        double relay = median("b", "relay", Wrk.Result::rps);
        for (String t : ProxyBench.TARGETS) {
            double rps = median("b", t, Wrk.Result::rps);
            double us = median(cpu.getOrDefault(t, List.of()).stream().mapToDouble(Double::doubleValue).toArray());
            double svc = median(servicesCpu.getOrDefault(t, List.of()).stream().mapToDouble(Double::doubleValue).toArray());
            String share = t.equals("direct") ? "" : String.format(Locale.ROOT, "%.0f %% of the bare relay's req/s", 100 * rps / relay);
            String met = t.equals("hub") ? (rps >= relay / 2 ? "yes" : "**no**") + " (≥ 50 % of relay)" : "";
            sb.append(String.format(Locale.ROOT, "| b) small JSON, c=64 | %s | %,.0f req/s, p99 %.2f ms, %.0f µs CPU per request (+ %.0f µs in PostgreSQL and Redis) | %s | %s |%n",
                    t, rps, median("b", t, Wrk.Result::p99), us, svc, share, met));
        }
    }

    private void streamRows(StringBuilder sb) {
        if (ttfb.isEmpty()) {
            return;
        }
        double d = percentile(ttfb.get("direct"), 50) / 1000;
        for (String t : ProxyBench.TARGETS) {
            double p50 = percentile(ttfb.get(t), 50) / 1000;
            String met = t.equals("hub") ? (p50 - d <= 2 ? "yes" : "**no**") + " (≤ 2 ms)" : "";
            sb.append(String.format(Locale.ROOT, "| c) first SSE event, c=1 | %s | p50 %.3f ms, p99 %.3f ms | %s | %s |%n", t, p50,
                    percentile(ttfb.get(t), 99) / 1000, t.equals("direct") ? "" : String.format(Locale.ROOT, "p50 +%.3f ms", p50 - d), met));
        }
        for (String t : ProxyBench.TARGETS) {
            Wrk.Result r = streams.get(t);
            if (r == null) {
                continue;
            }
            long rss = streamRss.get(t);
            String met = t.equals("hub") ? (r.errors() == 0 && rss <= 1024 ? "yes" : "**no**") + " (0 errors, ≤ 1 GB)" : "";
            sb.append(String.format(Locale.ROOT, "| c) %,d concurrent 2 s streams | %s | %,d streams, %d errors, p50 %.0f ms, p99 %.0f ms, peak RSS %d MB | | %s |%n",
                    Scenarios.LONG_STREAMS, t, r.requests(), r.errors(), r.p50(), r.p99(), rss, met));
        }
    }

    static String machine() {
        String cpuModel = "";
        long memKb = 0;
        try {
            cpuModel = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 2)).orElse("");
            memKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .findFirst().map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).orElse(0L);
        } catch (IOException e) {
            // not Linux: describe what we can
        }
        return String.format(Locale.ROOT, "%d cores (nproc) %s, %.1f GB memory, %s %s", Runtime.getRuntime().availableProcessors(),
                cpuModel, memKb / 1048576.0, System.getProperty("java.vm.vendor"), System.getProperty("java.runtime.version"));
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException e) {
            return "n/a";
        }
    }

    /** Hand-written notes below a "## Notes" heading survive a new run. */
    static String keptNotes(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "";
        }
        String s = "\n" + Files.readString(file);
        int i = s.indexOf(NOTES);
        return i < 0 ? "" : "\n" + s.substring(i + 1);
    }
}
