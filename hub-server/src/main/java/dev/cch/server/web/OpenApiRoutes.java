package dev.cch.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.openapi.OpenApiFeature;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.staticcontent.StaticContentService;

import java.util.function.Supplier;

/**
 * The OpenAPI 3.1 document at {@code /openapi} and two browsable UIs over it: Swagger UI ({@code /openapi/ui},
 * from the swagger-ui webjar) and Scalar ({@code /openapi/scalar}).
 */
public final class OpenApiRoutes {
    private static final String DOCUMENT = "META-INF/openapi.yaml";
    private static final String SWAGGER_ROOT = "META-INF/resources/webjars/swagger-ui/" + SwaggerVersion.VERSION;

    private OpenApiRoutes() {
    }

    public static OpenApiFeature feature() {
        return OpenApiFeature.builder().staticFile(DOCUMENT).build();
    }

    public static void register(HttpRouting.Builder r) {
        // Helidon renders the document as JSON with YAML tags in it; JSON is converted here from the same file
        r.addFilter((chain, req, res) -> {
            if (req.path().path().equals("/openapi") && wantsJson(req)) {
                res.header(HeaderNames.CONTENT_TYPE, "application/json");
                res.send(JSON.get());
            } else {
                chain.proceed();
            }
        });
        r.get("/openapi/ui", (req, res) -> page(res, "web/swagger.html"))
                .get("/openapi/scalar", (req, res) -> page(res, "web/scalar.html"))
                .register("/openapi/ui/assets", StaticContentService.builder(SWAGGER_ROOT).build())
                .register("/openapi/scalar/assets", StaticContentService.builder("web/scalar").build());
    }

    private static final Supplier<byte[]> JSON = new Supplier<>() {
        private volatile byte[] json;

        @Override
        public byte[] get() {
            if (json == null) {
                try (var in = OpenApiRoutes.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
                    json = new ObjectMapper().writeValueAsBytes(new ObjectMapper(new YAMLFactory()).readTree(in));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            return json;
        }
    };

    private static boolean wantsJson(io.helidon.webserver.http.ServerRequest req) {
        String format = req.query().first("format").orElse("");
        if (!format.isEmpty()) {
            return format.equalsIgnoreCase("json");
        }
        String accept = req.headers().first(HeaderNames.ACCEPT).orElse("");
        return accept.contains("application/json") && !accept.contains("yaml");
    }

    private static void page(io.helidon.webserver.http.ServerResponse res, String resource) {
        try (var in = OpenApiRoutes.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                res.status(Status.NOT_FOUND_404).send();
                return;
            }
            res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8");
            res.send(in.readAllBytes());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
