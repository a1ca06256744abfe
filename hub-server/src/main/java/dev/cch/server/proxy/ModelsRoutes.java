package dev.cch.server.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cch.protocol.ClientProtocol;
import dev.cch.protocol.error.ErrorType;
import dev.cch.protocol.error.HubError;
import dev.cch.server.auth.AuthGate;
import dev.cch.server.auth.PresentedKey;
import dev.cch.server.pipeline.Headers;
import dev.cch.server.pipeline.Replies;
import dev.cch.server.routing.ModelCatalog;
import dev.cch.server.web.Inbound;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.List;

/**
 * {@code GET /v1/models} and {@code GET /v1beta/models}: the models the caller's key can reach, shaped for the
 * caller's protocol (Gemini for {@code /v1beta} or an {@code x-goog-api-key}, Anthropic when an
 * {@code anthropic-version} header is sent, OpenAI otherwise). Wrong keys count toward lockout here as on every
 * endpoint that takes a key.
 */
public final class ModelsRoutes implements HttpService {
    private static final long CREATED = 1_735_689_600L;
    private final AuthGate gate;
    private final ModelCatalog catalog;
    private final Replies replies;
    private final ObjectMapper mapper;

    public ModelsRoutes(AuthGate gate, ModelCatalog catalog, Replies replies, ObjectMapper mapper) {
        this.gate = gate;
        this.catalog = catalog;
        this.replies = replies;
        this.mapper = mapper;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/v1/models", this::list).get("/v1beta/models", this::list);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Headers h = Inbound.headers(req);
        ClientProtocol shape = req.path().path().startsWith("/v1beta") || h.has("x-goog-api-key") ? ClientProtocol.GEMINI
                : h.has("anthropic-version") ? ClientProtocol.ANTHROPIC : ClientProtocol.OPENAI_CHAT;
        switch (gate.check(gate.address(Inbound.peer(req), h), PresentedKey.find(h, req.query().rawValue()), null)) {
            case AuthGate.Verdict.Key k -> {
                res.header(HeaderNames.CONTENT_TYPE, "application/json");
                res.send(render(shape, catalog.models(k.principal())).toString());
            }
            case AuthGate.Verdict.LockedOut l -> {
                res.header(HeaderNames.RETRY_AFTER, Long.toString(l.retryAfterSeconds()));
                error(res, shape, Status.TOO_MANY_REQUESTS_429, HubError.of(ErrorType.RATE_LIMIT, "auth_locked_out", l.message()));
            }
            case AuthGate.Verdict.Refused r -> {
                boolean unavailable = r.refusal().status() == 503;
                error(res, shape, unavailable ? Status.SERVICE_UNAVAILABLE_503 : Status.UNAUTHORIZED_401, HubError.of(
                        unavailable ? ErrorType.UNAVAILABLE : ErrorType.AUTHENTICATION, r.refusal().code(), r.refusal().message()));
            }
            case AuthGate.Verdict.AdminToken t -> throw new IllegalStateException("no admin token is accepted here");
        }
    }

    private void error(ServerResponse res, ClientProtocol shape, Status status, HubError error) {
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(replies.bodies().render(shape, error));
    }

    private ObjectNode render(ClientProtocol shape, List<ModelCatalog.Model> models) {
        ObjectNode root = mapper.createObjectNode();
        switch (shape) {
            case GEMINI -> {
                ArrayNode arr = root.putArray("models");
                models.forEach(m -> arr.addObject().put("name", "models/" + m.id()).put("displayName", m.id())
                        .putArray("supportedGenerationMethods").add("generateContent").add("streamGenerateContent").add("countTokens"));
            }
            case ANTHROPIC -> {
                ArrayNode arr = root.putArray("data");
                models.forEach(m -> arr.addObject().put("type", "model").put("id", m.id()).put("display_name", m.id())
                        .put("created_at", "2025-01-01T00:00:00Z"));
                root.put("has_more", false);
                root.put("first_id", models.isEmpty() ? null : models.getFirst().id());
                root.put("last_id", models.isEmpty() ? null : models.getLast().id());
            }
            default -> {
                root.put("object", "list");
                ArrayNode arr = root.putArray("data");
                models.forEach(m -> arr.addObject().put("id", m.id()).put("object", "model").put("created", CREATED)
                        .put("owned_by", m.ownedBy()));
            }
        }
        return root;
    }
}
