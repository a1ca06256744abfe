package dev.cch.protocol.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.protocol.ClientProtocol;
import dev.cch.protocol.ProviderType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One golden case directory {@code golden/<kind>/<from>-to-<to>/<case>/}. For requests {@code from} is the client
 * protocol and {@code to} the provider; for responses and streams {@code from} is the provider and {@code to} the
 * client. An optional {@code ctx.json} overrides the default contexts.
 */
record GoldenCase(String kind, ClientProtocol client, ProviderType provider, Path dir, JsonNode ctx) {

    static GoldenCase of(Path dir, ObjectMapper mapper) throws IOException {
        String kind = dir.getParent().getParent().getFileName().toString();
        String[] direction = dir.getParent().getFileName().toString().split("-to-");
        boolean request = kind.equals("request");
        ClientProtocol client = ClientProtocol.fromWireName(request ? direction[0] : direction[1]);
        ProviderType provider = provider(request ? direction[1] : direction[0]);
        Path ctxFile = dir.resolve("ctx.json");
        JsonNode ctx = Files.exists(ctxFile) ? mapper.readTree(ctxFile.toFile()) : mapper.createObjectNode();
        return new GoldenCase(kind, client, provider, dir, ctx);
    }

    static ProviderType provider(String wire) {
        return switch (wire) {
            case "anthropic" -> ProviderType.CLAUDE;
            case "openai-chat" -> ProviderType.OPENAI_COMPATIBLE;
            case "openai-responses" -> ProviderType.CODEX;
            default -> ProviderType.fromWireName(wire);
        };
    }

    Converter.RequestContext requestContext(JsonNode in) {
        String model = ctx.path("upstreamModel").asText(defaultModel(provider.protocol()));
        boolean stream = ctx.has("stream") ? ctx.path("stream").asBoolean() : in.path("stream").asBoolean(false);
        String project = provider == ProviderType.GEMINI_CLI ? ctx.path("project").asText("cch-test-project") : null;
        return new Converter.RequestContext(model, stream, project);
    }

    Converter.ResponseContext responseContext() {
        Map<String, String> names = new HashMap<>();
        ctx.path("toolNames").fields().forEachRemaining(f -> names.put(f.getKey(), f.getValue().asText()));
        return new Converter.ResponseContext(ctx.path("clientModel").asText(defaultModel(client)), names,
                ctx.path("includeUsage").asBoolean(true));
    }

    static String defaultModel(ClientProtocol p) {
        return switch (p) {
            case ANTHROPIC -> "claude-sonnet-4-5";
            case OPENAI_CHAT -> "gpt-4.1";
            case OPENAI_RESPONSES -> "gpt-5-codex";
            case GEMINI -> "gemini-2.5-pro";
        };
    }

    @Override
    public String toString() {
        return kind + "/" + dir.getParent().getFileName() + "/" + dir.getFileName();
    }
}
