package dev.cch.server.routing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cch.protocol.ClientProtocol;
import dev.cch.protocol.convert.ConversionException;
import dev.cch.protocol.convert.tokens.TokenEstimator;
import dev.cch.server.pipeline.Exchange;
import dev.cch.server.pipeline.Headers;
import dev.cch.server.pipeline.ProxyReply;
import dev.cch.server.pipeline.Replies;

/**
 * Answers a token-count request locally when no provider speaking the client's protocol can count it: an estimate,
 * in the shape the client expects, marked as one (a body field and an {@code x-cch-token-count: estimate} header).
 */
public final class TokenCountEstimate {
    private final TokenEstimator estimator;
    private final ObjectMapper mapper;
    private final Replies replies;

    public TokenCountEstimate(ObjectMapper mapper, Replies replies) {
        this.estimator = new TokenEstimator(mapper);
        this.mapper = mapper;
        this.replies = replies;
    }

    public ProxyReply answer(Exchange ex) {
        long n;
        try {
            n = estimator.estimate(ex.request().protocol(), ex.request().json());
        } catch (ConversionException e) {
            return replies.badRequest(ex, "invalid_request", e.getMessage());
        }
        ObjectNode body = mapper.createObjectNode();
        if (ex.request().protocol() == ClientProtocol.GEMINI) {
            body.put("totalTokens", n);
        } else {
            body.put("input_tokens", n);
        }
        body.put("estimated", true);
        ex.chain().note("token_count", java.util.Map.of("estimated", n, "why", "no provider of this protocol can count tokens"));
        ex.succeeded(200);
        Headers h = new Headers().set("content-type", "application/json").set("x-cch-token-count", "estimate");
        return new ProxyReply.Buffered(200, h, body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
