package dev.cch.server.web;

import dev.cch.server.pipeline.HeaderHygiene;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * CORS for browser front ends of the proxy and the admin API: only the configured origins ({@code *} = any) get
 * {@code Access-Control-Allow-Origin}; preflights from them are answered here with 204, preflights from others with
 * 403. Keys travel in headers, never cookies, so credentials are not allowed.
 */
public final class Cors implements Filter {
    private static final HeaderName REQUEST_METHOD = HeaderNames.create("Access-Control-Request-Method");
    private static final HeaderName REQUEST_HEADERS = HeaderNames.create("Access-Control-Request-Headers");
    private static final HeaderName ALLOW_ORIGIN = HeaderNames.create("Access-Control-Allow-Origin");
    private static final HeaderName ALLOW_METHODS = HeaderNames.create("Access-Control-Allow-Methods");
    private static final HeaderName ALLOW_HEADERS = HeaderNames.create("Access-Control-Allow-Headers");
    private static final HeaderName EXPOSE_HEADERS = HeaderNames.create("Access-Control-Expose-Headers");
    private static final HeaderName MAX_AGE = HeaderNames.create("Access-Control-Max-Age");
    private static final String METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
    private static final String EXPOSED = "x-cch-request-id, retry-after, x-ratelimit-limit, x-ratelimit-remaining, "
            + "x-ratelimit-reset, x-cch-token-count";

    private final Set<String> origins;
    private final boolean any;

    public Cors(List<String> allowedOrigins) {
        this.any = allowedOrigins.contains("*");
        this.origins = Set.copyOf(allowedOrigins.stream().map(o -> o.toLowerCase(Locale.ROOT)).toList());
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String origin = req.headers().first(HeaderNames.ORIGIN).orElse(null);
        if (origin == null) {
            chain.proceed();
            return;
        }
        boolean allowed = HeaderHygiene.safeValue(origin) && (any || origins.contains(origin.toLowerCase(Locale.ROOT)));
        boolean preflight = req.prologue().method() == Method.OPTIONS && req.headers().contains(REQUEST_METHOD);
        if (preflight) {
            res.header(HeaderNames.VARY, "Origin");
            if (!allowed) {
                res.status(Status.FORBIDDEN_403).send();
                return;
            }
            res.header(ALLOW_ORIGIN, any ? "*" : origin);
            res.header(ALLOW_METHODS, METHODS);
            req.headers().first(REQUEST_HEADERS).filter(HeaderHygiene::safeValue)
                    .ifPresent(h -> res.header(ALLOW_HEADERS, h));
            res.header(MAX_AGE, "600");
            res.status(Status.NO_CONTENT_204).send();
            return;
        }
        if (allowed) {
            res.header(ALLOW_ORIGIN, any ? "*" : origin);
            res.header(HeaderNames.VARY, "Origin");
            res.header(EXPOSE_HEADERS, EXPOSED);
        }
        chain.proceed();
    }
}
