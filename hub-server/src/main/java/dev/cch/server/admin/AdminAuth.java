package dev.cch.server.admin;

import dev.cch.protocol.admin.Problem;
import dev.cch.server.auth.ApiKeyAuthenticator;
import dev.cch.server.auth.PresentedKey;
import dev.cch.server.crypto.HubKeys;
import dev.cch.server.pipeline.Headers;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.net.InetSocketAddress;

/**
 * Guards the admin API: the admin token, or the key of a user with the admin role. Ordinary keys are refused
 * (403); no or unknown credentials get 401. The caller is placed in the request context as an {@link Actor}.
 */
public final class AdminAuth implements Handler {
    private final String adminToken;
    private final ApiKeyAuthenticator keys;
    private final AdminIo io;
    private final AuditLog audit;

    public AdminAuth(String adminToken, ApiKeyAuthenticator keys, AdminIo io, AuditLog audit) {
        this.adminToken = adminToken;
        this.keys = keys;
        this.io = io;
        this.audit = audit;
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        String ip = req.remotePeer().address() instanceof InetSocketAddress a && a.getAddress() != null
                ? a.getAddress().getHostAddress() : null;
        PresentedKey.Found found = presented(req);
        if (found instanceof PresentedKey.Found.One one && HubKeys.sameSecret(one.key(), adminToken)) {
            req.context().register(Actor.adminToken(ip));
            res.next();
            return;
        }
        if (found instanceof PresentedKey.Found.None) {
            refusedLogin(req, ip, "no credentials", "anonymous");
            res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer");
            io.problem(res, Problem.of(401, "Unauthorized", "send the admin token as Authorization: Bearer <token>"));
            return;
        }
        switch (keys.authenticate(found)) {
            case ApiKeyAuthenticator.Result.Accepted a when a.principal().isAdmin() -> {
                req.context().register(new Actor("user:" + a.principal().user().name(), a.principal().user().id(),
                        a.principal().key().id(), ip));
                res.next();
            }
            case ApiKeyAuthenticator.Result.Accepted a -> {
                refusedLogin(req, ip, "not an admin", "user:" + a.principal().user().name());
                io.problem(res, Problem.of(403, "Forbidden", "this key may only use /api/v1/me"));
            }
            case ApiKeyAuthenticator.Result.Refused r -> {
                refusedLogin(req, ip, "invalid credentials", "unknown");
                res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer");
                io.problem(res, Problem.of(401, "Unauthorized", "invalid admin credentials"));
            }
        }
    }

    /** Refused logins are audited; refused calls elsewhere are not (they would flood the log). */
    private void refusedLogin(ServerRequest req, String ip, String why, String who) {
        if (req.path().path().equals("/api/v1/login")) {
            audit.refused(who, ip, "admin.login", why);
        }
    }

    /** The credentials a request presents (headers only: admin calls never take keys from the query). */
    static PresentedKey.Found presented(ServerRequest req) {
        Headers h = new Headers();
        req.headers().forEach(x -> x.allValues().forEach(v -> h.add(x.name(), v)));
        return PresentedKey.find(h, null);
    }

    public static Actor actor(ServerRequest req) {
        return req.context().get(Actor.class).orElseThrow(() -> new IllegalStateException("admin route without auth"));
    }
}
