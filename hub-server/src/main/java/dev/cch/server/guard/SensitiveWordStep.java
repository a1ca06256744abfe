package dev.cch.server.guard;

import dev.cch.protocol.error.ErrorType;
import dev.cch.protocol.error.HubError;
import dev.cch.server.pipeline.ErrorKind;
import dev.cch.server.pipeline.Exchange;
import dev.cch.server.pipeline.ProxyReply;
import dev.cch.server.pipeline.Replies;
import dev.cch.server.pipeline.Step;
import dev.cch.server.rules.SensitiveWords;

import java.util.Map;

/**
 * Pipeline step: a request whose prompt text matches an enabled sensitive word is refused with 400 in the caller's
 * protocol. The client is told which rule (by id) refused it, not the word; the log records both.
 */
public final class SensitiveWordStep implements Step {
    private final SensitiveWords words;
    private final Replies replies;

    public SensitiveWordStep(SensitiveWords words, Replies replies) {
        this.words = words;
        this.replies = replies;
    }

    @Override
    public ProxyReply handle(Exchange ex, Chain chain) {
        return words.match(ex.request().json()).map(w -> {
            ProxyReply r = replies.blocked(ex, "sensitive_word", HubError.of(ErrorType.INVALID_REQUEST,
                    "sensitive_word", "the request was refused by content rule #" + w.id()));
            String rule = "content rule #" + w.id() + " (" + w.matchType().wireName() + " \"" + w.word() + "\")";
            ex.blocked("sensitive_word", 400, ErrorKind.CLIENT_ERROR, "refused by " + rule);
            ex.chain().note("sensitive_word", Map.of("ruleId", w.id(), "matchType", w.matchType().wireName(),
                    "word", w.word()));
            return r;
        }).orElseGet(() -> chain.proceed(ex));
    }
}
