package dev.cch.server.pipeline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * The ordered record of every decision made for one request: candidates and why each was dropped, the priority
 * tier and selection probabilities, session reuse, each attempt and the outcome. Stored with the request log.
 * Only typed facts go in; no header, body or credential ever does.
 */
public final class DecisionChain {
    private static final int MAX_ENTRIES = 256;
    private final ArrayNode entries = JsonNodeFactory.instance.arrayNode();
    private final long startNanos;

    public DecisionChain(long startNanos) {
        this.startNanos = startNanos;
    }

    /** A provider that a filter removed, and why. */
    public record Dropped(long id, String name, String reason) {
    }

    /** A provider still in the running, with its chance of being picked (0..1) where known. */
    public record Candidate(long id, String name, int priority, int weight, double probability) {
    }

    public void filter(String stage, List<Candidate> kept, List<Dropped> dropped) {
        ObjectNode e = entry("filter").put("stage", stage);
        ArrayNode k = e.putArray("kept");
        kept.forEach(c -> k.addObject().put("id", c.id()).put("name", c.name()));
        ArrayNode d = e.putArray("dropped");
        dropped.forEach(x -> d.addObject().put("id", x.id()).put("name", x.name()).put("reason", x.reason()));
    }

    public void tier(int priority, List<Candidate> candidates) {
        ObjectNode e = entry("tier").put("priority", priority);
        ArrayNode a = e.putArray("candidates");
        candidates.forEach(c -> a.addObject().put("id", c.id()).put("name", c.name()).put("weight", c.weight())
                .put("probability", Math.round(c.probability() * 10000) / 10000.0));
    }

    public void selected(long id, String name, String method) {
        entry("selected").put("providerId", id).put("provider", name).put("method", method);
    }

    public void session(String sessionId, String source, Long boundProvider, String decision) {
        ObjectNode e = entry("session").put("sessionId", sessionId).put("source", source).put("decision", decision);
        if (boundProvider != null) {
            e.put("boundProviderId", boundProvider);
        }
    }

    public void attempt(int number, long providerId, String provider, String upstreamModel, Integer status,
                        ErrorKind kind, long latencyMs, String breakerState, String detail) {
        ObjectNode e = entry("attempt").put("attempt", number).put("providerId", providerId).put("provider", provider)
                .put("upstreamModel", upstreamModel).put("latencyMs", latencyMs);
        if (status != null) {
            e.put("status", status);
        }
        e.put("result", kind == null ? "success" : kind.name());
        if (breakerState != null) {
            e.put("breaker", breakerState);
        }
        if (detail != null) {
            e.put("detail", detail);
        }
    }

    public void note(String type, Map<String, Object> facts) {
        ObjectNode e = entry(type);
        facts.forEach((k, v) -> e.set(k, JsonNodeFactory.instance.pojoNode(v)));
    }

    public void rejected(String reason, String detail) {
        entry("rejected").put("reason", reason).put("detail", detail);
    }

    public void outcome(int status, ErrorKind kind, String message) {
        ObjectNode e = entry("outcome").put("status", status).put("result", kind == null ? "success" : kind.name());
        if (message != null) {
            e.put("message", message);
        }
    }

    public ArrayNode toJson() {
        return entries.deepCopy();
    }

    public int size() {
        return entries.size();
    }

    private ObjectNode entry(String type) {
        if (entries.size() >= MAX_ENTRIES) {
            return JsonNodeFactory.instance.objectNode();
        }
        return entries.addObject().put("type", type).put("atMs", (System.nanoTime() - startNanos) / 1_000_000);
    }
}
