package dev.cch.server.guard;

import dev.cch.protocol.ClientProtocol;
import dev.cch.protocol.error.ErrorType;
import dev.cch.protocol.error.HubError;
import dev.cch.server.pipeline.Exchange;
import dev.cch.server.pipeline.ProxyReply;
import dev.cch.server.pipeline.ProxyRequest;
import dev.cch.server.pipeline.Replies;
import dev.cch.server.pipeline.Step;

/**
 * Pipeline step: reads the body (no step before this one does, so only an authenticated caller's body is read). It
 * must be readable UTF-8 JSON within the size limit, an object whose well-known fields have their protocol's types,
 * naming a printable model; otherwise the caller gets a clear 4xx (503 while the hub's body budget is full) in its
 * own protocol.
 */
public final class RequestShapeStep implements Step {
    private static final String BY = "invalid_request";

    private final Replies replies;

    public RequestShapeStep(Replies replies) {
        this.replies = replies;
    }

    @Override
    public ProxyReply handle(Exchange ex, Chain chain) {
        ProxyRequest r = ex.request();
        HubError refused = r.readBody(); // the first step that needs the body: the caller is authenticated by now
        if (refused != null) {
            ProxyReply reply = replies.blocked(ex, BY, refused);
            if (refused.type() == ErrorType.UNAVAILABLE) {
                reply.headers().set("retry-after", "1"); // the body budget frees as other requests finish
            }
            return reply;
        }
        String problem = r.bodyProblem();
        boolean gemini = r.protocol() == ClientProtocol.GEMINI;
        if (problem != null && (!gemini || r.body().length > 0)) {
            return replies.badRequest(ex, BY, problem);
        }
        if (problem == null && !r.json().isObject()) {
            return replies.badRequest(ex, BY, "request body is not valid JSON");
        }
        if (problem == null) {
            String typeProblem = FieldTypes.problem(r.protocol(), r.json());
            if (typeProblem != null) {
                return replies.badRequest(ex, BY, typeProblem);
            }
        }
        String model = r.model();
        if (model == null || model.isBlank()) {
            return replies.badRequest(ex, BY, "the request names no model: set \"model\"");
        }
        String modelProblem = ModelNames.problem(model, gemini);
        if (modelProblem != null) {
            return replies.badRequest(ex, BY, modelProblem);
        }
        return chain.proceed(ex);
    }
}
