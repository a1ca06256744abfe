package dev.cch.server.observe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cch.server.billing.Cost;
import dev.cch.server.pipeline.Exchange;
import dev.cch.server.pipeline.FinishListener;
import dev.cch.server.providers.Provider;
import dev.cch.server.state.BreakerState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The hub's Prometheus metrics (Micrometer): requests and latency by endpoint, provider and status, tokens and cost,
 * upstream errors by kind, breaker states, limit and content rejections, and gauges of the hub's queues. Recording
 * is in-memory counters only, so it adds nothing measurable to a request.
 */
public final class HubMetrics implements FinishListener, AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final java.util.List<Supplier<Number>> counterSources = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<Long, AtomicInteger> breakerStates = new ConcurrentHashMap<>();
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public HubMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** Registers a gauge read at scrape time. */
    public HubMetrics gauge(String name, String help, Supplier<Number> value) {
        Gauge.builder(name, value).description(help).register(registry);
        return this;
    }

    /** Registers a counter read at scrape time (exposed with the {@code _total} suffix). */
    public HubMetrics counter(String name, String help, Supplier<Number> value) {
        // Micrometer holds a function counter's object weakly: once collected it would read 0, so keep it here
        counterSources.add(value);
        FunctionCounter.builder(name, value, v -> v.get().doubleValue()).description(help).register(registry);
        return this;
    }

    @Override
    public void finished(Exchange ex, Cost cost) {
        Provider p = ex.provider();
        String provider = p == null ? "none" : p.name();
        String endpoint = ex.request().endpoint().name().toLowerCase();
        String status = Integer.toString(ex.status());
        Counter.builder("cch_requests").description("Proxied requests by endpoint, provider and HTTP status")
                .tags("endpoint", endpoint, "provider", provider, "status", status).register(registry).increment();
        Timer.builder("cch_request_duration").description("Time from receiving a request to its last byte")
                .tags("endpoint", endpoint, "provider", provider, "status", status)
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(5)).maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry).record(Duration.ofNanos(System.nanoTime() - ex.request().startNanos()));
        if (ex.firstTokenMs() != null) {
            Timer.builder("cch_time_to_first_token").description("Time from receiving a request to its first content")
                    .tags("provider", provider).publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(5)).maximumExpectedValue(Duration.ofMinutes(5))
                    .register(registry).record(Duration.ofMillis(ex.firstTokenMs()));
        }
        if (p != null) {
            var u = ex.usage();
            String model = ex.request().model() == null ? "" : ex.request().model();
            tokens(provider, model, "input", u.input());
            tokens(provider, model, "output", u.output());
            tokens(provider, model, "cache_read", u.cacheRead());
            tokens(provider, model, "cache_write", u.cacheWrite());
            Counter.builder("cch_cost_usd").description("Cost of proxied requests in US dollars")
                    .tags("provider", provider).register(registry).increment(cost.total().doubleValue());
        }
        if (ex.blockedBy() != null) {
            String limit = ex.admission() != null && ex.admission().rejection() != null
                    ? ex.admission().rejection().kind().wireName() : "";
            Counter.builder("cch_rejections").description("Requests refused before reaching a provider, by reason")
                    .tags("reason", ex.blockedBy(), "limit", limit).register(registry).increment();
        }
        for (JsonNode e : ex.chain().toJson()) {
            if ("attempt".equals(e.path("type").asText()) && !"success".equals(e.path("result").asText())) {
                Counter.builder("cch_upstream_errors").description("Failed upstream attempts by provider and error kind")
                        .tags("provider", e.path("provider").asText(), "kind", e.path("result").asText())
                        .register(registry).increment();
            }
        }
    }

    private void tokens(String provider, String model, String type, long n) {
        if (n > 0) {
            Counter.builder("cch_tokens").description("Tokens by provider, model and bucket")
                    .tags("provider", provider, "model", model, "type", type).register(registry).increment(n);
        }
    }

    /** For {@code SharedBreakers.onTransition}: 0 closed, 1 half-open, 2 open. */
    public void breakerChanged(Provider p, BreakerState st) {
        int v = BreakerState.OPEN.equals(st.state()) ? 2 : BreakerState.HALF_OPEN.equals(st.state()) ? 1 : 0;
        breakerStates.computeIfAbsent(p.id(), id -> {
            AtomicInteger holder = new AtomicInteger();
            Gauge.builder("cch_breaker_state", holder, AtomicInteger::get)
                    .description("Circuit breaker state per provider: 0 closed, 1 half-open, 2 open")
                    .tags("provider", p.name()).register(registry);
            return holder;
        }).set(v);
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
