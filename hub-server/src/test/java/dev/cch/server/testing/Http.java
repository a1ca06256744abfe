package dev.cch.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small HTTP client for tests: JSON in and out, headers as pairs. */
public final class Http {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper mapper = new ObjectMapper();
    private final String base;

    public Http(String base) {
        this.base = base;
    }

    /** A response with its body as text. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    public Answer get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    public Answer delete(String path, String... headers) {
        return send("DELETE", path, null, headers);
    }

    public Answer post(String path, Object body, String... headers) {
        return send("POST", path, body, headers);
    }

    public Answer put(String path, Object body, String... headers) {
        return send("PUT", path, body, headers);
    }

    public Answer send(String method, String path, Object body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        HttpRequest.BodyPublisher pub;
        if (body == null) {
            pub = HttpRequest.BodyPublishers.noBody();
        } else if (body instanceof byte[] bytes) {
            pub = HttpRequest.BodyPublishers.ofByteArray(bytes);
        } else if (body instanceof String s) {
            pub = HttpRequest.BodyPublishers.ofString(s);
        } else {
            try {
                pub = HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (body != null) {
            b.header("content-type", "application/json");
        }
        b.method(method, pub);
        try {
            HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> h = new LinkedHashMap<>();
            r.headers().map().forEach((k, v) -> h.put(k.toLowerCase(), v.getFirst()));
            return new Answer(r.statusCode(), h, new String(r.body(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Opens a streaming response: read it yourself, close it when done. */
    public HttpResponse<InputStream> stream(String path, Object body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            b.header("content-type", "application/json");
            b.POST(HttpRequest.BodyPublishers.ofByteArray(body instanceof byte[] bytes ? bytes
                    : body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : mapper.writeValueAsBytes(body)));
            return client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
