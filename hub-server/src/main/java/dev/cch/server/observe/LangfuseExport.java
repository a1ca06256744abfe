package dev.cch.server.observe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cch.server.billing.Cost;
import dev.cch.server.config.HubConfig;
import dev.cch.server.pipeline.Exchange;
import dev.cch.server.pipeline.FinishListener;
import dev.cch.server.upstream.http.OutboundHttp;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Exports every finished request to Langfuse (when both keys are configured): the finish puts the request's events
 * on a bounded queue and returns at once (a full queue drops the request and counts it), and one background thread
 * posts them in batches to {@code /api/public/ingestion}. A slow or dead Langfuse costs the proxy nothing.
 */
public final class LangfuseExport implements FinishListener, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LangfuseExport.class.getName());
    private static final Duration SHUTDOWN_FLUSH = Duration.ofSeconds(3);
    private static final long IDLE_POLL_MS = 200;
    /** Enough of Langfuse's answer to count the events it refused. */
    private static final int MAX_ANSWER = 1024 * 1024;

    private final HubConfig.Langfuse config;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final LangfuseEvents events;
    private final BlockingQueue<List<ObjectNode>> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final ThrottledWarning trouble = new ThrottledWarning(LOG, Duration.ofMinutes(1));
    private final OutboundHttp client;
    private final URI endpoint;
    private final String authorization;
    private final Thread sender;
    private volatile boolean running = true;

    /** @param blockPrivateAddresses refuse a Langfuse that resolves inside the network, at every connect */
    public LangfuseExport(HubConfig.Langfuse config, ObjectMapper mapper, Clock clock, boolean blockPrivateAddresses) {
        this.config = config;
        this.mapper = mapper;
        this.clock = clock;
        this.events = new LangfuseEvents(mapper, config.includeContent());
        this.queue = new ArrayBlockingQueue<>(Math.max(1, config.queue()));
        if (!config.enabled()) {
            this.client = null;
            this.endpoint = null;
            this.authorization = null;
            this.sender = null;
            return;
        }
        String base = config.baseUrl().endsWith("/") ? config.baseUrl().substring(0, config.baseUrl().length() - 1) : config.baseUrl();
        this.endpoint = URI.create(base + "/api/public/ingestion");
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (config.publicKey().orElseThrow() + ":" + config.secretKey().orElseThrow()).getBytes(StandardCharsets.UTF_8));
        this.client = new OutboundHttp(config.timeout(), blockPrivateAddresses);
        this.sender = Thread.ofPlatform().daemon().name("cch-langfuse").start(this::run);
    }

    public boolean enabled() {
        return sender != null;
    }

    @Override
    public void finished(Exchange ex, Cost cost) {
        if (sender == null || ex.principal() == null) {
            return;
        }
        if (queue.remainingCapacity() == 0 || !queue.offer(events.of(ex, cost, clock.instant()))) {
            dropped.incrementAndGet();
            trouble.warn(() -> "Langfuse export queue full (" + config.queue() + "); " + dropped.get() + " requests dropped so far");
        }
    }

    /** Requests not exported because the queue was full. */
    public long droppedCount() {
        return dropped.get();
    }

    /** Requests waiting to be sent. */
    public int queueDepth() {
        return queue.size();
    }

    /** Events Langfuse refused or that could not be sent. */
    public long failedCount() {
        return failed.get();
    }

    /** Events Langfuse accepted. */
    public long sentCount() {
        return sent.get();
    }

    private void run() {
        List<List<ObjectNode>> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                List<ObjectNode> first = queue.poll(IDLE_POLL_MS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                // whatever queued up while the last batch was on its way goes in this one
                batch.add(first);
                queue.drainTo(batch, Math.max(0, config.batch() - 1));
                post(batch);
            } catch (InterruptedException e) {
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void post(List<List<ObjectNode>> requests) {
        ObjectNode body = mapper.createObjectNode();
        ArrayNode batch = body.putArray("batch");
        requests.forEach(batch::addAll);
        try {
            OutboundHttp.Answer r = client.post(endpoint, Map.of("authorization", authorization,
                    "content-type", "application/json"), mapper.writeValueAsBytes(body), MAX_ANSWER);
            if (r.status() / 100 != 2) {
                failed.addAndGet(batch.size());
                trouble.warn(() -> "Langfuse answered " + r.status() + " to a batch of " + batch.size() + " events");
                return;
            }
            // 207: some events may have been refused, each listed under "errors"
            int refused = Math.min(batch.size(), errors(r.body()));
            if (refused > 0) {
                trouble.warn(() -> "Langfuse refused " + refused + " of " + batch.size() + " events");
            }
            failed.addAndGet(refused);
            sent.addAndGet(batch.size() - refused);
        } catch (IOException e) {
            failed.addAndGet(batch.size());
            trouble.warn(() -> "Langfuse export failed: " + e);
        }
    }

    private int errors(byte[] answer) {
        try {
            JsonNode n = mapper.readTree(answer);
            return n == null ? 0 : n.path("errors").size();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Sends what is queued (for up to three seconds), then stops. */
    @Override
    public void close() {
        if (sender == null) {
            return;
        }
        running = false;
        try {
            sender.join(SHUTDOWN_FLUSH);
            if (sender.isAlive()) {
                sender.interrupt();
                sender.join(SHUTDOWN_FLUSH);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!queue.isEmpty()) {
            LOG.warning(queue.size() + " requests were not exported to Langfuse before shutdown");
        }
        client.close();
    }
}
