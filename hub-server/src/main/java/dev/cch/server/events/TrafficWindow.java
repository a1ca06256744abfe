package dev.cch.server.events;

import org.HdrHistogram.Histogram;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The last minute of this node's traffic in one-second buckets: request and error counts, a latency histogram and
 * requests per provider. Recording is constant time; a snapshot merges the buckets.
 */
public final class TrafficWindow {
    private static final int SECONDS = 60;
    private final LongSupplier nowMs;
    private final Bucket[] buckets = new Bucket[SECONDS];

    private static final class Bucket {
        long second = -1;
        long requests;
        long errors;
        final Histogram latency = new Histogram(3_600_000L, 2);
        final Map<String, Long> providers = new HashMap<>();

        void reset(long s) {
            second = s;
            requests = 0;
            errors = 0;
            latency.reset();
            providers.clear();
        }
    }

    /** What the last second and the last minute looked like. */
    public record Snapshot(double rpsLastSecond, double rpsMinute, double errorRateMinute, Double p50Ms, Double p95Ms,
                           Map<String, Long> providersMinute) {
    }

    public TrafficWindow(LongSupplier nowMs) {
        this.nowMs = nowMs;
        for (int i = 0; i < SECONDS; i++) {
            buckets[i] = new Bucket();
        }
    }

    public synchronized void record(long durationMs, boolean error, String provider) {
        long s = nowMs.getAsLong() / 1000;
        Bucket b = buckets[(int) (s % SECONDS)];
        if (b.second != s) {
            b.reset(s);
        }
        b.requests++;
        if (error) {
            b.errors++;
        }
        b.latency.recordValue(Math.max(0, Math.min(durationMs, 3_600_000L)));
        if (provider != null) {
            b.providers.merge(provider, 1L, Long::sum);
        }
    }

    public synchronized Snapshot snapshot() {
        long s = nowMs.getAsLong() / 1000;
        long lastSecond = 0;
        long requests = 0;
        long errors = 0;
        Histogram merged = new Histogram(3_600_000L, 2);
        Map<String, Long> providers = new HashMap<>();
        for (Bucket b : buckets) {
            // the current second is still filling: the last full second and the minute before it count
            if (b.second >= s - SECONDS && b.second < s) {
                requests += b.requests;
                errors += b.errors;
                merged.add(b.latency);
                b.providers.forEach((k, v) -> providers.merge(k, v, Long::sum));
                if (b.second == s - 1) {
                    lastSecond = b.requests;
                }
            }
        }
        return new Snapshot(lastSecond, requests / (double) SECONDS, requests == 0 ? 0 : (double) errors / requests,
                requests == 0 ? null : (double) merged.getValueAtPercentile(50),
                requests == 0 ? null : (double) merged.getValueAtPercentile(95), providers);
    }
}
