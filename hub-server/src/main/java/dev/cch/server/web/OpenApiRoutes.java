package dev.cch.server.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.openapi.OpenApiFeature;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.staticcontent.StaticContentService;

/**
 * The OpenAPI 3.1 document at {@code /openapi} and two browsable UIs over it: Swagger UI ({@code /openapi/ui},
 * from the swagger-ui webjar) and Scalar ({@code /openapi/scalar}).
 */
public final class OpenApiRoutes {
    private static final String SWAGGER_ROOT = "META-INF/resources/webjars/swagger-ui/" + SwaggerVersion.VERSION;

    private OpenApiRoutes() {
    }

    public static OpenApiFeature feature() {
        return OpenApiFeature.builder().staticFile("META-INF/openapi.yaml").build();
    }

    public static void register(HttpRouting.Builder r) {
        r.get("/openapi/ui", (req, res) -> page(res, "web/swagger.html"))
                .get("/openapi/scalar", (req, res) -> page(res, "web/scalar.html"))
                .register("/openapi/ui/assets", StaticContentService.builder(SWAGGER_ROOT).build())
                .register("/openapi/scalar/assets", StaticContentService.builder("web/scalar").build());
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
