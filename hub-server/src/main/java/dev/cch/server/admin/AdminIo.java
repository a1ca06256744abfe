package dev.cch.server.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.cch.protocol.admin.FieldError;
import dev.cch.protocol.admin.Problem;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * JSON in and out of the admin API, and its error answers as {@code application/problem+json}. Input that does
 * not parse is answered here with the offending field named.
 */
public final class AdminIo {
    private final ObjectMapper mapper;
    private final long maxBodyBytes;

    public AdminIo(ObjectMapper mapper, long maxBodyBytes) {
        this.mapper = mapper;
        this.maxBodyBytes = maxBodyBytes;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** The body as {@code type}, or empty after answering 400 with the reason. */
    public <T> Optional<T> read(ServerRequest req, ServerResponse res, Class<T> type) {
        byte[] body;
        try {
            body = req.content().hasEntity() ? req.content().inputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8,
                    maxBodyBytes + 1)) : new byte[0];
        } catch (IOException | java.io.UncheckedIOException e) {
            problem(res, Problem.of(400, "Invalid request", "body could not be read"));
            return Optional.empty();
        }
        if (body.length > maxBodyBytes) {
            problem(res, Problem.of(413, "Payload too large", "the body is larger than " + maxBodyBytes + " bytes"));
            return Optional.empty();
        }
        if (body.length == 0) {
            problem(res, Problem.of(400, "Invalid request", "a JSON body is required"));
            return Optional.empty();
        }
        try {
            T value = mapper.readValue(body, type);
            if (value == null) {
                problem(res, Problem.of(400, "Invalid request", "a JSON object is required"));
                return Optional.empty();
            }
            return Optional.of(value);
        } catch (UnrecognizedPropertyException e) {
            invalid(res, List.of(new FieldError(path(e), "is not a known field")));
        } catch (JsonMappingException e) {
            String field = path(e);
            invalid(res, List.of(new FieldError(field.isEmpty() ? "(body)" : field, readable(e))));
        } catch (JsonProcessingException e) {
            problem(res, Problem.of(400, "Invalid request", "body is not valid JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            problem(res, Problem.of(400, "Invalid request", "body could not be read"));
        }
        return Optional.empty();
    }

    public void ok(ServerResponse res, Object value) {
        send(res, Status.OK_200, value);
    }

    public void created(ServerResponse res, Object value) {
        send(res, Status.CREATED_201, value);
    }

    public void noContent(ServerResponse res) {
        res.status(Status.NO_CONTENT_204).send();
    }

    public void send(ServerResponse res, Status status, Object value) {
        try {
            byte[] json = mapper.writeValueAsBytes(value);
            res.status(status);
            res.header(HeaderNames.CONTENT_TYPE, "application/json");
            res.send(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    public void invalid(ServerResponse res, List<FieldError> errors) {
        problem(res, Problem.invalid(errors));
    }

    public void notFound(ServerResponse res, String what) {
        problem(res, Problem.of(404, "Not found", what + " does not exist"));
    }

    public void problem(ServerResponse res, Problem p) {
        try {
            res.status(Status.create(p.status()));
            res.header(HeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE);
            res.send(mapper.writeValueAsBytes(p));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A path parameter as a positive id, or empty after answering 404. */
    public Optional<Long> id(ServerRequest req, ServerResponse res, String what) {
        return id(req, res, what, "id");
    }

    /** The path parameter {@code param} as a positive id, or empty after answering 404. */
    public Optional<Long> id(ServerRequest req, ServerResponse res, String what, String param) {
        String raw = req.path().pathParameters().first(param).orElse("");
        try {
            long id = Long.parseLong(raw);
            if (id > 0) {
                return Optional.of(id);
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        notFound(res, what + " " + raw);
        return Optional.empty();
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String readable(JsonMappingException e) {
        String m = e.getOriginalMessage();
        if (m == null) {
            return "has the wrong type";
        }
        if (m.contains("not one of the values accepted") || m.contains("not a valid")) {
            return "has a value that is not allowed";
        }
        if (m.startsWith("Cannot deserialize value of type")) {
            return "has the wrong type";
        }
        int nl = m.indexOf('\n');
        return nl > 0 ? m.substring(0, nl) : m;
    }
}
