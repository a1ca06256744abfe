package dev.cch.server.admin;

import dev.cch.protocol.admin.Problem;
import dev.cch.server.auth.ApiKeyAuthenticator;
import dev.cch.server.auth.AuthGate;
import dev.cch.server.auth.PresentedKey;
import dev.cch.server.pipeline.Headers;
import dev.cch.server.pipeline.Principal;
import dev.cch.server.web.Inbound;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Optional;

/**
 * Guards the admin API: the admin token, or the key of a user with the admin role. Ordinary keys are refused
 * (403); no or unknown credentials get 401; repeated wrong credentials are locked out as everywhere else (429 with
 * {@code Retry-After}, see {@link AuthGate}). The caller is placed in the request context as an {@link Actor}.
 */
public final class AdminAuth implements Handler {
    private final String adminToken;
    private final AuthGate gate;
    private final AdminIo io;
    private final AuditLog audit;

    public AdminAuth(String adminToken, AuthGate gate, AdminIo io, AuditLog audit) {
        this.adminToken = adminToken;
        this.gate = gate;
        this.io = io;
        this.audit = audit;
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        Headers headers = Inbound.headers(req);
        String ip = gate.address(Inbound.peer(req), headers);
        // headers only: admin calls never take keys from the query (it ends up in logs)
        switch (gate.check(ip, PresentedKey.find(headers, null), adminToken)) {
            case AuthGate.Verdict.AdminToken t -> {
                req.context().register(Actor.adminToken(ip));
                res.next();
            }
            case AuthGate.Verdict.Key k when k.principal().isAdmin() -> {
                req.context().register(new Actor("user:" + k.principal().user().name(), k.principal().user().id(),
                        k.principal().key().id(), ip));
                res.next();
            }
            case AuthGate.Verdict.Key k -> {
                refusedLogin(req, ip, "not an admin", "user:" + k.principal().user().name());
                io.problem(res, Problem.of(403, "Forbidden", "this key may only use /api/v1/me"));
            }
            case AuthGate.Verdict.LockedOut l -> lockedOut(res, l);
            case AuthGate.Verdict.Refused r when r.refusal() == ApiKeyAuthenticator.Refusal.MISSING -> {
                refusedLogin(req, ip, "no credentials", "anonymous");
                res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer");
                io.problem(res, Problem.of(401, "Unauthorized", "send the admin token as Authorization: Bearer <token>"));
            }
            case AuthGate.Verdict.Refused r when r.refusal().status() == 503 ->
                    io.problem(res, Problem.of(503, "Unavailable", r.refusal().message()));
            case AuthGate.Verdict.Refused r -> {
                refusedLogin(req, ip, "invalid credentials", "unknown");
                res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer");
                io.problem(res, Problem.of(401, "Unauthorized", "invalid admin credentials"));
            }
        }
    }

    /** Any valid hub key (self-service), with the same lockout; empty after answering 401, 429 or 503. */
    public Optional<Principal> anyKey(ServerRequest req, ServerResponse res) {
        Headers headers = Inbound.headers(req);
        switch (gate.check(gate.address(Inbound.peer(req), headers), PresentedKey.find(headers, null), null)) {
            case AuthGate.Verdict.Key k -> {
                return Optional.of(k.principal());
            }
            case AuthGate.Verdict.LockedOut l -> lockedOut(res, l);
            case AuthGate.Verdict.Refused r -> {
                if (r.refusal().status() == 401) {
                    res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer");
                }
                io.problem(res, Problem.of(r.refusal().status(), r.refusal().status() == 401 ? "Unauthorized" : "Unavailable",
                        r.refusal().message()));
            }
            case AuthGate.Verdict.AdminToken t -> throw new IllegalStateException("no admin token is accepted here");
        }
        return Optional.empty();
    }

    private void lockedOut(ServerResponse res, AuthGate.Verdict.LockedOut l) {
        res.header(HeaderNames.RETRY_AFTER, Long.toString(l.retryAfterSeconds()));
        io.problem(res, Problem.of(429, "Too many failed attempts", l.message()));
    }

    /** Refused logins are audited; refused calls elsewhere are not (they would flood the log). */
    private void refusedLogin(ServerRequest req, String ip, String why, String who) {
        if (req.path().path().equals("/api/v1/login")) {
            audit.refused(who, ip, "admin.login", why);
        }
    }

    public static Actor actor(ServerRequest req) {
        return req.context().get(Actor.class).orElseThrow(() -> new IllegalStateException("admin route without auth"));
    }
}
