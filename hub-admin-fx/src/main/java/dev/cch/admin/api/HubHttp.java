package dev.cch.admin.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.cch.protocol.admin.Problem;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;

/** JSON over HTTP to one hub: builds requests with the admin token and turns every failure into a {@link HubException}. */
final class HubHttp {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final String base;
    private final String token;

    HubHttp(String base, String token) {
        this.base = base;
        this.token = token;
    }

    String base() {
        return base;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    JavaType type(Class<?> raw, Class<?>... params) {
        return mapper.getTypeFactory().constructParametricType(raw, params);
    }

    <T> T get(String path, Map<String, String> query, JavaType type) throws HubException {
        return read(send("GET", path + queryString(query), null, (Map<String, String>) null), type);
    }

    <T> T get(String path, Class<T> type) throws HubException {
        return read(send("GET", path, null, (Map<String, String>) null), mapper.constructType(type));
    }

    <T> T send(String method, String path, Object body, Class<T> type) throws HubException {
        HttpResponse<InputStream> r = send(method, path, body, (Map<String, String>) null);
        return type == Void.class ? discard(r) : read(r, mapper.constructType(type));
    }

    <T> T send(String method, String path, Object body, JavaType type) throws HubException {
        return read(send(method, path, body, (Map<String, String>) null), type);
    }

    /** {@code GET /health}: open, and answered with a body also when the hub is down (503). */
    <T> T health(Class<T> type) throws HubException {
        HttpResponse<InputStream> r = exchange(request("GET", "/health", null, null, Duration.ofSeconds(10)));
        if (r.statusCode() != 503) {
            check(r);
        }
        return read(r, mapper.constructType(type));
    }

    /** Opens a response body to read as it arrives (CSV export, the event stream); the caller closes it. */
    HttpResponse<InputStream> open(String path, Map<String, String> query, Map<String, String> headers,
                                   Duration timeout) throws HubException {
        HttpResponse<InputStream> r = exchange(request("GET", path + queryString(query), null, headers, timeout));
        check(r);
        return r;
    }

    private HttpResponse<InputStream> send(String method, String path, Object body, Map<String, String> headers)
            throws HubException {
        HttpResponse<InputStream> r = exchange(request(method, path, body, headers, Duration.ofSeconds(30)));
        check(r);
        return r;
    }

    private HttpRequest request(String method, String path, Object body, Map<String, String> headers, Duration timeout)
            throws HubException {
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(URI.create(base + path));
        } catch (IllegalArgumentException e) {
            throw new HubException(HubException.Kind.INVALID, "That is not a valid server URL.");
        }
        if (timeout != null) {
            b.timeout(timeout);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (headers != null) {
            headers.forEach(b::header);
        }
        if (body == null) {
            b.method(method, "GET".equals(method) || "DELETE".equals(method) ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString("{}"));
        } else {
            try {
                b.method(method, HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body)));
            } catch (IOException e) {
                throw new HubException(HubException.Kind.INVALID, "Could not write the request: " + e.getMessage());
            }
        }
        if (!"GET".equals(method) && !"DELETE".equals(method)) {
            b.header("Content-Type", "application/json");
        }
        return b.build();
    }

    private HttpResponse<InputStream> exchange(HttpRequest request) throws HubException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new HubException(HubException.Kind.UNREACHABLE, "No hub answers at " + base + ".");
        } catch (HttpTimeoutException e) {
            throw new HubException(HubException.Kind.UNREACHABLE, "The hub at " + base + " did not answer in time.");
        } catch (IOException e) {
            throw new HubException(HubException.Kind.UNREACHABLE, "Lost the connection to " + base + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubException(HubException.Kind.UNREACHABLE, "Stopped waiting for " + base + ".");
        } catch (IllegalArgumentException e) {
            throw new HubException(HubException.Kind.INVALID, "That is not a valid server URL.");
        }
    }

    private void check(HttpResponse<InputStream> r) throws HubException {
        int status = r.statusCode();
        if (status < 400) {
            return;
        }
        Problem p = problem(r);
        String detail = p == null ? null : p.detail() != null ? p.detail() : p.title();
        switch (status) {
            case 401 -> throw new HubException(HubException.Kind.UNAUTHORIZED, "The server refused this admin token.");
            case 403 -> throw new HubException(HubException.Kind.UNAUTHORIZED,
                    "This is a hub key without admin rights; use the admin token or an admin's key.");
            case 429 -> throw new HubException(HubException.Kind.UNAUTHORIZED, "Too many wrong tokens from this computer: "
                    + "the hub lets it try again in " + r.headers().firstValue("Retry-After").orElse("a few") + " s.");
            case 404 -> throw new HubException(HubException.Kind.NOT_FOUND,
                    detail == null ? "This hub does not offer " + r.request().uri().getPath()
                            + " yet; a newer hub is needed for this part." : detail);
            case 409 -> throw new HubException(HubException.Kind.CONFLICT, detail == null ? "That name is taken." : detail);
            case 400, 422 -> throw new HubException(HubException.Kind.INVALID,
                    detail == null ? "The hub rejected the request." : capitalised(detail),
                    p == null ? null : p.errors());
            default -> throw new HubException(HubException.Kind.SERVER,
                    "The hub answered " + status + (detail == null ? "." : ": " + detail));
        }
    }

    private Problem problem(HttpResponse<InputStream> r) {
        try (InputStream in = r.body()) {
            byte[] bytes = in.readAllBytes();
            return bytes.length == 0 ? null : mapper.readValue(bytes, Problem.class);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private <T> T read(HttpResponse<InputStream> r, JavaType type) throws HubException {
        try (InputStream in = r.body()) {
            return mapper.readValue(in, type);
        } catch (IOException e) {
            throw new HubException(HubException.Kind.INCOMPATIBLE, "The hub at " + base
                    + " answered in a shape this client does not understand (" + type.getRawClass().getSimpleName() + ").");
        }
    }

    private static <T> T discard(HttpResponse<InputStream> r) {
        try (InputStream in = r.body()) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException ignored) {
            // the status already said it worked; a short body does not matter
        }
        return null;
    }

    static String queryString(Map<String, String> query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        StringJoiner j = new StringJoiner("&", "?", "");
        query.forEach((k, v) -> {
            if (v != null) {
                j.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return j.toString();
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
