package dev.cch.server.pipeline;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.protocol.ClientProtocol;
import dev.cch.protocol.error.HubError;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/**
 * A client's request as the pipeline sees it: endpoint, headers and the body bytes exactly as received, and the
 * body's JSON tree, parsed once on first use; the few fields routing needs (model, stream, metadata.user_id, session
 * hints) are read from that tree. The body is read only when a step asks for it with {@link #readBody()} (after
 * authentication); until then it reads as empty and names no model.
 */
public final class ProxyRequest {
    private final String id;
    private final Instant receivedAt;
    private final long startNanos;
    private final Endpoint endpoint;
    private final String pathModel;
    private final String rawQuery;
    private final Headers headers;
    private final BodySource source;
    private final String clientIp;
    private final ObjectMapper mapper;
    private byte[] body = new byte[0];
    private boolean bodyRead;
    private HubError bodyRejection;

    private boolean peeked;
    private String model;
    private boolean stream;
    private String metadataUserId;
    private String peekError;
    private int messageCount;
    private String promptCacheKey;
    private String previousResponseId;
    private String bodySessionId;
    private JsonNode json;

    /** A request whose body is already in memory, read at once. */
    public ProxyRequest(String id, Instant receivedAt, long startNanos, Endpoint endpoint, String pathModel,
                        String rawQuery, Headers headers, byte[] body, String clientIp, ObjectMapper mapper) {
        this(id, receivedAt, startNanos, endpoint, pathModel, rawQuery, headers, BodySource.of(body), clientIp, mapper);
        readBody();
    }

    /** @param source where the body comes from; nothing is read from it until {@link #readBody()} */
    public ProxyRequest(String id, Instant receivedAt, long startNanos, Endpoint endpoint, String pathModel,
                        String rawQuery, Headers headers, BodySource source, String clientIp, ObjectMapper mapper) {
        this.source = source;
        this.id = id;
        this.receivedAt = receivedAt;
        this.startNanos = startNanos;
        this.endpoint = endpoint;
        this.pathModel = pathModel;
        this.rawQuery = rawQuery == null ? "" : rawQuery;
        this.headers = headers;
        this.clientIp = clientIp;
        this.mapper = mapper;
    }

    public String id() {
        return id;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public long startNanos() {
        return startNanos;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    public ClientProtocol protocol() {
        return endpoint.protocol();
    }

    public String rawQuery() {
        return rawQuery;
    }

    public Headers headers() {
        return headers;
    }

    /** The body as received (decoded), once {@link #readBody()} has run; empty before. */
    public byte[] body() {
        return body;
    }

    /**
     * Reads the body from its source, once (later calls return the first answer): the bytes become {@link #body()},
     * or the reason the hub will not take them is returned (too large, unsupported encoding, stalled, hub busy).
     */
    public HubError readBody() {
        if (!bodyRead) {
            bodyRead = true;
            BodySource.Body b = source.read();
            body = b.bytes();
            bodyRejection = b.problem();
        }
        return bodyRejection;
    }

    /** Whether the body was read (false when the request was refused before anything needed it). */
    public boolean bodyRead() {
        return bodyRead;
    }

    /** The source's shared budget back; the edge calls this once the exchange is finished. */
    public void releaseBody() {
        source.release();
    }

    /** True if the client sent (or declared) a body that the hub has not read. */
    public boolean bodyUnread() {
        return !bodyRead && source.present();
    }

    public String clientIp() {
        return clientIp;
    }

    public String userAgent() {
        return headers.first("user-agent");
    }

    /** The requested model: from the URL for Gemini, else the body's {@code model}; null if absent. */
    public String model() {
        if (pathModel != null) {
            return pathModel;
        }
        peek();
        return model;
    }

    /** Whether the client asked for a stream (body {@code stream: true}, or Gemini's stream endpoint). */
    public boolean stream() {
        if (endpoint == Endpoint.GEMINI_STREAM) {
            return true;
        }
        if (endpoint.protocol() == ClientProtocol.GEMINI || endpoint == Endpoint.COUNT_TOKENS) {
            return false; // token counts are one JSON answer whatever the body says
        }
        peek();
        return stream;
    }

    /** Claude Code's {@code metadata.user_id}, or null. */
    public String metadataUserId() {
        peek();
        return metadataUserId;
    }

    /** How many turns the body carries: {@code messages}, {@code input} or {@code contents} entries. */
    public int messageCount() {
        peek();
        return messageCount;
    }

    /** Codex's {@code prompt_cache_key}, or null. */
    public String promptCacheKey() {
        peek();
        return promptCacheKey;
    }

    /** OpenAI Responses' {@code previous_response_id}, or null. */
    public String previousResponseId() {
        peek();
        return previousResponseId;
    }

    /** A {@code session_id} in the body (Gemini CLI puts one at the top or inside {@code request}), or null. */
    public String bodySessionId() {
        peek();
        return bodySessionId;
    }


    /** Why the body is not a JSON object, or null if it is. */
    public String bodyProblem() {
        peek();
        return peekError;
    }

    /** The whole body as a JSON tree, parsed on first use (a missing node if it is not JSON). */
    public JsonNode json() {
        peek();
        return json;
    }

    /**
     * Checks and parses the body once: strict UTF-8, one JSON object and nothing after it; the tree is kept for the
     * steps and the few fields routing needs are read from it.
     */
    private void peek() {
        if (peeked) {
            return;
        }
        if (!bodyRead) {
            json = mapper.missingNode(); // nothing is known of a body nobody has read yet
            return;
        }
        peeked = true;
        json = mapper.missingNode();
        if (body.length == 0) {
            peekError = "request body is empty";
            return;
        }
        if (!Utf8.valid(body)) {
            peekError = "request body is not valid UTF-8";
            return;
        }
        try (JsonParser p = mapper.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                peekError = "request body must be a JSON object";
                json = lenientTree();
                return;
            }
            json = mapper.readTree(p);
            readFields(json, true);
            if (p.nextToken() != null) {
                peekError = "request body is not valid JSON";
            }
        } catch (IOException e) {
            peekError = "request body is not valid JSON: " + firstLine(e.getMessage());
        }
    }

    /** Whatever tree a body that is not one JSON object holds (for the log and traces), or a missing node. */
    private JsonNode lenientTree() {
        try {
            JsonNode tree = mapper.readTree(body);
            return tree == null ? mapper.missingNode() : tree;
        } catch (IOException e) {
            return mapper.missingNode();
        }
    }

    /** Reads the fields routing needs; the Code Assist envelope's {@code request} object is read one level down. */
    private void readFields(JsonNode object, boolean top) {
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            JsonNode v = field.getValue();
            switch (field.getKey()) {
                case "model" -> model = top && v.isTextual() ? v.textValue() : model;
                case "stream" -> stream = top ? v.isBoolean() && v.booleanValue() : stream;
                case "metadata" -> metadataUserId = v.path("user_id").isTextual() ? v.path("user_id").textValue() : metadataUserId;
                case "messages", "input", "contents" -> messageCount = v.isTextual() ? 1 : v.isArray() ? v.size() : 0;
                case "prompt_cache_key" -> promptCacheKey = text(v);
                case "previous_response_id" -> previousResponseId = text(v);
                case "session_id" -> bodySessionId = text(v);
                case "request" -> {
                    if (top && v.isObject()) {
                        readFields(v, false);
                    }
                }
                default -> {
                }
            }
        }
    }

    private static String text(JsonNode v) {
        return v.isTextual() ? v.textValue() : null;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
