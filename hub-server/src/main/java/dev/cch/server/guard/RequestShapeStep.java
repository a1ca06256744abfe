package dev.cch.server.guard;

import dev.cch.server.pipeline.Exchange;
import dev.cch.server.pipeline.ProxyReply;
import dev.cch.server.pipeline.Replies;
import dev.cch.server.pipeline.Step;

/** Pipeline step: the body must be a JSON object naming a model, or the caller gets a clear 400. */
public final class RequestShapeStep implements Step {
    private final Replies replies;

    public RequestShapeStep(Replies replies) {
        this.replies = replies;
    }

    @Override
    public ProxyReply handle(Exchange ex, Chain chain) {
        String problem = ex.request().bodyProblem();
        if (problem != null && ex.request().endpoint().protocol() != dev.cch.protocol.ClientProtocol.GEMINI) {
            return replies.badRequest(ex, "invalid_request", problem);
        }
        if (problem != null && ex.request().body().length > 0) {
            return replies.badRequest(ex, "invalid_request", problem);
        }
        String model = ex.request().model();
        if (model == null || model.isBlank()) {
            return replies.badRequest(ex, "invalid_request", "the request names no model: set \"model\"");
        }
        if (model.length() > 256) {
            return replies.badRequest(ex, "invalid_request", "model name longer than 256 characters");
        }
        return chain.proceed(ex);
    }
}
