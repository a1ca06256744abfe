package dev.cch.server.guard;

import dev.cch.protocol.ClientProtocol;
import dev.cch.server.pipeline.Exchange;
import dev.cch.server.pipeline.HeaderHygiene;
import dev.cch.server.pipeline.ProxyReply;
import dev.cch.server.pipeline.ProxyRequest;
import dev.cch.server.pipeline.Replies;
import dev.cch.server.pipeline.Step;

/**
 * Pipeline step: the body must be readable UTF-8 JSON within the size limit, an object whose well-known fields have
 * their protocol's types, naming a printable model; otherwise the caller gets a clear 4xx in its own protocol.
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
        if (r.bodyRejection() != null) {
            return replies.blocked(ex, BY, r.bodyRejection());
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
        if (model.length() > 256) {
            return replies.badRequest(ex, BY, "model name longer than 256 characters");
        }
        if (!HeaderHygiene.printable(model)) {
            return replies.badRequest(ex, BY, "the model name contains control characters");
        }
        return chain.proceed(ex);
    }
}
