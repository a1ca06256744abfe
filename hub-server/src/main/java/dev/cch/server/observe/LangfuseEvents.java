package dev.cch.server.observe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cch.protocol.usage.Usage;
import dev.cch.server.billing.Cost;
import dev.cch.server.pipeline.Exchange;
import dev.cch.server.pipeline.Principal;
import dev.cch.server.pipeline.Redactor;
import dev.cch.server.providers.Provider;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One finished request as Langfuse ingestion events: a trace (the request), a generation (the model call with
 * usage and cost) and a span per failed attempt from the decision chain. Names, ids and numbers only: no header,
 * no credential, and no message content unless the hub is configured to send it.
 */
final class LangfuseEvents {
    private final ObjectMapper mapper;
    private final boolean includeContent;

    LangfuseEvents(ObjectMapper mapper, boolean includeContent) {
        this.mapper = mapper;
        this.includeContent = includeContent;
    }

    List<ObjectNode> of(Exchange ex, Cost cost, Instant end) {
        Instant start = ex.request().receivedAt();
        String traceId = ex.request().id();
        boolean failed = ex.errorKind() != null;
        List<ObjectNode> out = new ArrayList<>(3);
        out.add(envelope("trace-create", end, trace(ex, traceId, start)));
        List<JsonNode> attempts = new ArrayList<>();
        ex.chain().toJson().forEach(e -> {
            if ("attempt".equals(e.path("type").asText())) {
                attempts.add(e);
            }
        });
        if (ex.provider() != null && ex.attempts() > 0) {
            out.add(envelope("generation-create", end, generation(ex, cost, traceId, start, end, attempts, failed)));
        }
        for (JsonNode a : attempts) {
            if (!"success".equals(a.path("result").asText())) {
                out.add(envelope("span-create", end, failedAttempt(traceId, start, a, failed)));
            }
        }
        return out;
    }

    private ObjectNode trace(Exchange ex, String traceId, Instant start) {
        Principal pr = ex.principal();
        Provider p = ex.provider();
        ObjectNode b = mapper.createObjectNode().put("id", traceId).put("timestamp", start.toString())
                .put("name", ex.request().endpoint().path());
        b.put("userId", pr == null ? null : pr.user().name());
        b.put("sessionId", ex.sessionId());
        ArrayNode tags = b.putArray("tags");
        if (p != null) {
            tags.add(p.type().wireName()).add(p.name());
        }
        tags.add(ex.request().protocol().wireName());
        if (ex.request().model() != null) {
            tags.add(ex.request().model());
        }
        tags.add(ex.status() / 100 + "xx");
        ObjectNode m = b.putObject("metadata");
        if (pr != null) {
            m.put("keyName", pr.key().name()).put("keyId", pr.key().id()).put("hubUserId", pr.user().id());
        }
        if (p != null) {
            m.put("provider", p.name()).put("providerId", p.id()).put("providerType", p.type().wireName());
        }
        m.put("endpoint", ex.request().endpoint().path()).put("clientProtocol", ex.request().protocol().wireName())
                .put("stream", ex.request().stream()).put("status", ex.status()).put("attempts", ex.attempts())
                .put("userAgent", Redactor.truncate(ex.request().userAgent(), 256));
        if (ex.errorKind() != null) {
            m.put("errorKind", ex.errorKind().name());
        }
        if (includeContent) {
            b.set("input", ex.request().json());
        }
        return b;
    }

    private ObjectNode generation(Exchange ex, Cost cost, String traceId, Instant start, Instant end,
                                  List<JsonNode> attempts, boolean failed) {
        Usage u = ex.usage();
        String model = ex.actualModel() != null ? ex.actualModel()
                : ex.upstreamModel() != null ? ex.upstreamModel() : ex.request().model();
        JsonNode last = attempts.isEmpty() ? null : attempts.getLast();
        Instant callStart = last == null ? start
                : start.plusMillis(Math.max(0, last.path("atMs").asLong() - last.path("latencyMs").asLong()));
        ObjectNode b = mapper.createObjectNode().put("id", traceId + "-generation").put("traceId", traceId)
                .put("name", "llm").put("model", model).put("startTime", callStart.toString()).put("endTime", end.toString());
        if (ex.firstTokenMs() != null) {
            b.put("completionStartTime", start.plusMillis(ex.firstTokenMs()).toString());
        }
        long input = u.input() + u.cacheRead() + u.cacheWrite();
        b.putObject("usage").put("input", input).put("output", u.output()).put("total", input + u.output())
                .put("unit", "TOKENS").put("totalCost", cost.total());
        b.putObject("usageDetails").put("input", u.input()).put("output", u.output())
                .put("cache_read_input_tokens", u.cacheRead()).put("cache_creation_input_tokens", u.cacheWrite())
                .put("reasoning_tokens", u.reasoning()).put("total", input + u.output());
        b.putObject("costDetails").put("input", cost.input()).put("output", cost.output())
                .put("cache_read_input_tokens", cost.cacheRead())
                .put("cache_creation_input_tokens", cost.cacheWrite5m().add(cost.cacheWrite1h()))
                .put("total", cost.total());
        ObjectNode m = b.putObject("metadata").put("provider", ex.provider().name()).put("providerId", ex.provider().id())
                .put("requestedModel", ex.request().model()).put("upstreamModel", ex.upstreamModel())
                .put("stopReason", ex.stopReason()).put("priceMissing", cost.priceMissing());
        m.put("attempts", ex.attempts());
        if (failed) {
            b.put("level", "ERROR").put("statusMessage", ex.errorKind().name() + " (" + ex.status() + ")"
                    + (ex.errorMessage() == null ? "" : ": " + Redactor.truncate(Redactor.redact(ex.errorMessage()), 500)));
        } else if (attempts.size() > 1) {
            b.put("level", "WARNING").put("statusMessage", "served after " + (attempts.size() - 1) + " failed attempts");
        }
        if (includeContent) {
            b.set("input", ex.request().json());
        }
        return b;
    }

    private ObjectNode failedAttempt(String traceId, Instant start, JsonNode a, boolean requestFailed) {
        int n = a.path("attempt").asInt();
        Instant end = start.plusMillis(a.path("atMs").asLong());
        String detail = Redactor.truncate(Redactor.redact(a.path("detail").asText(null)), 500);
        ObjectNode b = mapper.createObjectNode().put("id", traceId + "-attempt-" + n).put("traceId", traceId)
                .put("name", "attempt " + n + " " + a.path("provider").asText())
                .put("startTime", end.minusMillis(a.path("latencyMs").asLong()).toString()).put("endTime", end.toString())
                .put("level", requestFailed ? "ERROR" : "WARNING")
                .put("statusMessage", a.path("result").asText() + (a.has("status") ? " (" + a.path("status").asInt() + ")" : "")
                        + (detail == null ? "" : ": " + detail));
        ObjectNode m = b.putObject("metadata").put("attempt", n).put("providerId", a.path("providerId").asLong())
                .put("provider", a.path("provider").asText()).put("upstreamModel", a.path("upstreamModel").asText(null))
                .put("result", a.path("result").asText()).put("latencyMs", a.path("latencyMs").asLong());
        if (a.has("status")) {
            m.put("status", a.path("status").asInt());
        }
        if (a.has("breaker")) {
            m.put("breaker", a.path("breaker").asText());
        }
        return b;
    }

    private ObjectNode envelope(String type, Instant at, ObjectNode body) {
        ObjectNode e = mapper.createObjectNode().put("id", UUID.randomUUID().toString()).put("type", type)
                .put("timestamp", at.toString());
        e.set("body", body);
        return e;
    }
}
