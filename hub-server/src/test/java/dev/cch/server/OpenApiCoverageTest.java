package dev.cch.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cch.server.admin.AdminRoute;
import dev.cch.server.testing.Http;
import dev.cch.server.testing.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Every admin route is in the OpenAPI document, the document is served, and both UIs load. */
class OpenApiCoverageTest {
    static TestHub hub;

    @BeforeAll
    static void start() {
        hub = TestHub.start();
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void theDocumentAsJsonIsValidJsonWithTheSameContent() throws Exception {
        Http http = new Http(hub.baseUrl());
        Http.Answer json = http.get("/openapi", "accept", "application/json");
        assertThat(json.status()).isEqualTo(200);
        JsonNode fromJson = new ObjectMapper().readTree(json.body());
        JsonNode fromYaml = new ObjectMapper(new YAMLFactory()).readTree(http.get("/openapi", "accept", "application/yaml").body());
        assertThat(fromJson.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(fromJson.path("paths").size()).isEqualTo(fromYaml.path("paths").size());
    }

    @Test
    void everyAdminRouteIsDocumented() throws Exception {
        Http.Answer doc = new Http(hub.baseUrl()).get("/openapi", "accept", "application/yaml");
        assertThat(doc.status()).isEqualTo(200);
        JsonNode openapi = new ObjectMapper(new YAMLFactory()).readTree(doc.body());
        assertThat(openapi.path("openapi").asText()).isEqualTo("3.1.0");
        List<String> missing = new ArrayList<>();
        for (AdminRoute.Service s : hub.server().adminServices()) {
            for (AdminRoute r : s.routes()) {
                String path = r.path().equals("/") ? s.root() : s.root() + r.path();
                JsonNode op = openapi.path("paths").path(path).path(r.method().text().toLowerCase(Locale.ROOT));
                if (op.isMissingNode()) {
                    missing.add(r.method().text() + " " + path);
                }
            }
        }
        assertThat(missing).as("admin routes missing from openapi.yaml").isEmpty();
    }

    @Test
    void browsableUisAreServed() {
        Http http = new Http(hub.baseUrl());
        assertThat(http.get("/openapi/ui").body()).contains("SwaggerUIBundle");
        assertThat(http.get("/openapi/ui/assets/swagger-ui-bundle.js").status()).isEqualTo(200);
        assertThat(http.get("/openapi/scalar").body()).contains("api-reference");
    }
}
