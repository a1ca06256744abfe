package dev.cch.server.admin;

import dev.cch.protocol.admin.Problem;
import dev.cch.server.auth.ApiKeyAuthenticator;
import dev.cch.server.auth.Lockout;
import dev.cch.server.auth.PresentedKey;
import dev.cch.server.crypto.HubKeys;
import dev.cch.server.pipeline.Headers;
import dev.cch.server.pipeline.Principal;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Guards the admin API: the admin token, or the key of a user with the admin role. Ordinary keys are refused
 * (403); no or unknown credentials get 401; repeated wrong credentials from one address are locked out (429 with
 * {@code Retry-After}). The caller is placed in the request context as an {@link Actor}.
 */
public final class AdminAuth implements Handler {
    private final String adminToken;
    private final ApiKeyAuthenticator keys;
    private final Lockout lockout;
    private final AdminIo io;
    private final AuditLog audit;

    public AdminAuth(String adminToken, ApiKeyAuthenticator keys, Lockout lockout, AdminIo io, AuditLog audit) {
        this.adminToken = adminToken;
        this.keys = keys;
        this.lockout = lockout;
        this.io = io;
        this.audit = audit;
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        String ip = ip(req);
        PresentedKey.Found found = presented(req);
        String credential = Lockout.credential(found);
        if (lockedOut(res, ip, credential)) {
            return;
        }
        if (found instanceof PresentedKey.Found.One one && HubKeys.sameSecret(one.key(), adminToken)) {
            lockout.succeeded(credential);
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
                lockout.succeeded(credential);
                req.context().register(new Actor("user:" + a.principal().user().name(), a.principal().user().id(),
                        a.principal().key().id(), ip));
                res.next();
            }
            case ApiKeyAuthenticator.Result.Accepted a -> {
                refusedLogin(req, ip, "not an admin", "user:" + a.principal().user().name());
                io.problem(res, Problem.of(403, "Forbidden", "this key may only use /api/v1/me"));
            }
            case ApiKeyAuthenticator.Result.Refused r -> {
                if (r.refusal().isCredentialFailure()) {
                    lockout.failed(ip, credential);
                }
                if (r.refusal().status() == 503) {
                    io.problem(res, Problem.of(503, "Unavailable", r.refusal().message()));
                    return;
                }
                refusedLogin(req, ip, "invalid credentials", "unknown");
                res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer");
                io.problem(res, Problem.of(401, "Unauthorized", "invalid admin credentials"));
            }
        }
    }

    /** Any valid hub key (self-service), with the same lockout; empty after answering 401 or 429. */
    public Optional<Principal> anyKey(ServerRequest req, ServerResponse res) {
        String ip = ip(req);
        PresentedKey.Found found = presented(req);
        String credential = Lockout.credential(found);
        if (lockedOut(res, ip, credential)) {
            return Optional.empty();
        }
        return switch (keys.authenticate(found)) {
            case ApiKeyAuthenticator.Result.Accepted a -> {
                lockout.succeeded(credential);
                yield Optional.of(a.principal());
            }
            case ApiKeyAuthenticator.Result.Refused r -> {
                if (r.refusal().isCredentialFailure()) {
                    lockout.failed(ip, credential);
                }
                if (r.refusal().status() == 401) {
                    res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer");
                }
                io.problem(res, Problem.of(r.refusal().status(), r.refusal().status() == 401 ? "Unauthorized" : "Unavailable",
                        r.refusal().message()));
                yield Optional.empty();
            }
        };
    }

    private boolean lockedOut(ServerResponse res, String ip, String credential) {
        long wait = lockout.retryAfterSeconds(ip, credential);
        if (wait == 0) {
            return false;
        }
        res.header(HeaderNames.RETRY_AFTER, Long.toString(wait));
        io.problem(res, Problem.of(429, "Too many failed attempts",
                "too many failed authentication attempts; try again in " + wait + " s"));
        return true;
    }

    /** Refused logins are audited; refused calls elsewhere are not (they would flood the log). */
    private void refusedLogin(ServerRequest req, String ip, String why, String who) {
        if (req.path().path().equals("/api/v1/login")) {
            audit.refused(who, ip, "admin.login", why);
        }
    }

    private static String ip(ServerRequest req) {
        return req.remotePeer().address() instanceof InetSocketAddress a && a.getAddress() != null
                ? a.getAddress().getHostAddress() : null;
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
