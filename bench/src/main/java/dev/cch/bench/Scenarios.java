package dev.cch.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The proxy benchmark's scenarios; each gives every target the same requests, target order rotating per round. */
final class Scenarios {
    static final String PATH = "/v1/messages";
    static final int LONG_STREAMS = 2000;
    private static final String SESSION = "user_bench_account__session_" + UUID.nameUUIDFromBytes("bench".getBytes());

    private final Map<String, Integer> ports;
    private final BenchProcesses procs;
    private final int seconds;
    private final int rounds;
    private final Report report;
    private final String key;
    private final Path small;
    private final Path big;
    private final Path shortStream;
    private final Path longStream;

    Scenarios(Path dir, String key, Map<String, Integer> ports, BenchProcesses procs, int seconds, int rounds,
              Report report) throws IOException {
        this.key = key;
        this.ports = ports;
        this.procs = procs;
        this.seconds = seconds;
        this.rounds = rounds;
        this.report = report;
        List<String[]> headers = List.of(new String[]{"Content-Type", "application/json"}, new String[]{"x-api-key", key},
                new String[]{"anthropic-version", "2023-06-01"});
        small = Wrk.script(dir, "small", body(64, false, "Say hello in one word."), headers);
        big = Wrk.script(dir, "big", body(64, false, "lorem ipsum ".repeat(200 * 1024 / 12)), headers);
        shortStream = Wrk.script(dir, "short-stream", body(64, true, "Say hello in one word."), headers);
        longStream = Wrk.script(dir, "long-stream", body(4096, true, "Write a long answer."), headers);
    }

    static String body(int maxTokens, boolean stream, String text) {
        return "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":" + maxTokens + ",\"stream\":" + stream
                + ",\"metadata\":{\"user_id\":\"" + SESSION + "\"},\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]}";
    }

    private String url(String target) {
        return "http://127.0.0.1:" + ports.get(target) + PATH;
    }

    private List<String> order(int round) {
        List<String> t = new ArrayList<>(ProxyBench.TARGETS);
        Collections.rotate(t, round);
        return t;
    }

    /**
     * Mixed traffic to each target in 5 s chunks until its JIT settles (fewer than 20 new compiled methods in a chunk,
     * at most 24 chunks): on 2 cores C2 needs a minute or more for the hub's request path, and CPU it spends compiling
     * would otherwise be counted as the hub's cost per request.
     */
    void warmUp() throws Exception {
        for (String t : ProxyBench.TARGETS) {
            long compiled = procs.compiledMethods(t);
            int chunks = 0;
            long added;
            do {
                Wrk.run(Wrk.command(url(t), small, 2, 16, 3, 5));
                Wrk.run(Wrk.command(url(t), shortStream, 2, 16, 1, 5));
                Wrk.run(Wrk.command(url(t), big, 1, 4, 1, 5));
                long now = procs.compiledMethods(t);
                added = now - compiled;
                compiled = now;
                chunks++;
            } while ((added >= 20 || chunks < 2) && chunks < 24);
            System.err.printf("warmed up %s: %d s, %d methods compiled in the last 5 s%n", t, chunks * 5, added);
            report.warmUp(t, chunks * 5, added);
        }
    }

    void smallAtConcurrency1() throws Exception {
        latency("a", small);
    }

    void largeBody() throws Exception {
        latency("d", big);
    }

    private void latency(String scenario, Path script) throws Exception {
        for (int r = 0; r < rounds; r++) {
            for (String t : order(r)) {
                System.err.printf("scenario %s round %d: %s%n", scenario, r + 1, t);
                report.add(scenario, t, Wrk.run(Wrk.command(url(t), script, 1, 1, seconds, 5)), Double.NaN);
            }
        }
    }

    void concurrency64() throws Exception {
        for (int r = 0; r < rounds; r++) {
            for (String t : order(r)) {
                System.err.printf("scenario b round %d: %s%n", r + 1, t);
                double before = procs.cpuSeconds(t);
                double servicesBefore = BenchProcesses.servicesCpuSeconds();
                Wrk.Result res = Wrk.run(Wrk.command(url(t), small, 2, 64, seconds, 5));
                double cpu = procs.cpuSeconds(t) - before;
                double services = BenchProcesses.servicesCpuSeconds() - servicesBefore;
                report.add("b", t, res, res.requests() == 0 ? Double.NaN : cpu * 1e6 / res.requests());
                report.addServices(t, res.requests() == 0 ? Double.NaN : services * 1e6 / res.requests());
            }
        }
    }

    void streaming() throws Exception {
        for (int r = 0; r < rounds; r++) {
            for (String t : order(r)) {
                System.err.printf("scenario c (first event) round %d: %s%n", r + 1, t);
                report.addTtfb(t, ttfb(t, 200, 1000));
            }
        }
        for (String t : ProxyBench.TARGETS) {
            System.err.printf("scenario c (%d streams): %s%n", LONG_STREAMS, t);
            AtomicLong peak = new AtomicLong();
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> {
                try {
                    peak.accumulateAndGet(procs.rssMb(t), Math::max);
                } catch (IOException e) {
                    // the process ended; the run reports its errors
                }
            }, 0, 250, TimeUnit.MILLISECONDS);
            Wrk.Result res = Wrk.run(Wrk.command(url(t), longStream, 2, LONG_STREAMS, Math.max(seconds, 10), 10));
            sampler.shutdownNow();
            report.addStreams(t, res, peak.get());
        }
    }

    /** Microseconds to the first event of {@code measured} sequential short streams, after {@code warm} unmeasured ones. */
    private long[] ttfb(String target, int warm, int measured) throws IOException {
        try (TtfbClient c = new TtfbClient(ports.get(target), PATH, body(64, true, "Say hello in one word."), key)) {
            for (int i = 0; i < warm; i++) {
                c.once();
            }
            long[] us = new long[measured];
            for (int i = 0; i < measured; i++) {
                us[i] = c.once();
            }
            return us;
        }
    }
}
