package dev.cch.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FakeUpstreamProtocolsTest {
    static FakeUpstream up;
    static final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper mapper = new ObjectMapper();

    @BeforeAll
    static void start() {
        up = FakeUpstream.start("fake-a");
    }

    @AfterAll
    static void stop() {
        up.close();
    }

    @BeforeEach
    void reset() {
        up.reset();
    }

    @Test
    void chatCompletionsAnswersWithAChatCompletion() throws Exception {
        JsonNode r = json(post("/v1/chat/completions", "{\"model\":\"gpt-4.1\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"));
        assertThat(r.path("object").asText()).isEqualTo("chat.completion");
        assertThat(r.path("id").asText()).startsWith("chatcmpl-");
        assertThat(r.path("model").asText()).isEqualTo("gpt-4.1");
        assertThat(r.path("choices").get(0).path("message").path("content").asText()).isEqualTo("Hello from fake-a.");
        assertThat(r.path("choices").get(0).path("finish_reason").asText()).isEqualTo("stop");
        assertThat(r.path("usage").path("prompt_tokens").asLong()).isPositive();
    }

    @Test
    void chatStreamEndsWithAUsageChunkOnlyWhenAskedThenDone() throws Exception {
        List<String> with = dataLines(post("/v1/chat/completions", "{\"model\":\"gpt-4.1\",\"stream\":true,"
                + "\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"));
        assertThat(with.getLast()).isEqualTo("[DONE]");
        JsonNode usage = mapper.readTree(with.get(with.size() - 2));
        assertThat(usage.path("choices")).isEmpty();
        assertThat(usage.path("usage").path("total_tokens").asLong()).isPositive();
        JsonNode first = mapper.readTree(with.getFirst());
        assertThat(first.path("object").asText()).isEqualTo("chat.completion.chunk");
        assertThat(first.path("choices").get(0).path("delta").path("role").asText()).isEqualTo("assistant");
        JsonNode finish = mapper.readTree(with.get(with.size() - 3));
        assertThat(finish.path("choices").get(0).path("finish_reason").asText()).isEqualTo("stop");

        List<String> without = dataLines(post("/v1/chat/completions", "{\"model\":\"gpt-4.1\",\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"));
        assertThat(without).noneMatch(d -> d.contains("\"total_tokens\"")).last().isEqualTo("[DONE]");
    }

    @Test
    void responsesStreamRunsFromCreatedToCompletedWithSequenceNumbers() throws Exception {
        String body = post("/v1/responses", "{\"model\":\"gpt-5\",\"stream\":true,\"input\":\"hi\"}");
        List<String> types = new ArrayList<>();
        int seq = 0;
        JsonNode last = null;
        for (String d : dataLines(body)) {
            last = mapper.readTree(d);
            types.add(last.path("type").asText());
            assertThat(last.path("sequence_number").asInt()).isEqualTo(seq++);
        }
        assertThat(types).containsExactly("response.created", "response.in_progress", "response.output_item.added",
                "response.content_part.added", "response.output_text.delta", "response.output_text.delta",
                "response.output_text.delta", "response.output_text.done", "response.content_part.done",
                "response.output_item.done", "response.completed");
        assertThat(last.path("response").path("output").get(0).path("content").get(0).path("text").asText())
                .isEqualTo("Hello from fake-a.");
        assertThat(last.path("response").path("usage").path("input_tokens").asLong()).isPositive();
        assertThat(body).contains("event: response.completed\n");
    }

    @Test
    void geminiAnswersGenerateStreamAndCountTokens() throws Exception {
        String req = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"hi\"}]}]}";
        JsonNode r = json(post("/v1beta/models/gemini-2.5-pro:generateContent", req));
        assertThat(r.path("candidates").get(0).path("content").path("parts").get(0).path("text").asText()).isEqualTo("Hello from fake-a.");
        assertThat(r.path("candidates").get(0).path("finishReason").asText()).isEqualTo("STOP");
        assertThat(r.path("modelVersion").asText()).isEqualTo("gemini-2.5-pro");
        assertThat(r.path("usageMetadata").path("totalTokenCount").asLong()).isPositive();

        List<String> chunks = dataLines(post("/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse", req));
        StringBuilder text = new StringBuilder();
        for (String c : chunks) {
            text.append(mapper.readTree(c).path("candidates").get(0).path("content").path("parts").get(0).path("text").asText());
        }
        assertThat(text.toString()).isEqualTo("Hello from fake-a.");
        assertThat(mapper.readTree(chunks.getLast()).path("candidates").get(0).path("finishReason").asText()).isEqualTo("STOP");
        assertThat(json(post("/v1beta/models/gemini-2.5-pro:countTokens", req)).path("totalTokens").asLong()).isPositive();
    }

    @Test
    void codeAssistWrapsEveryResponseInTheEnvelope() throws Exception {
        String req = "{\"model\":\"gemini-2.5-pro\",\"project\":\"p\",\"request\":{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"hi\"}]}]}}";
        JsonNode r = json(post("/v1internal:generateContent", req));
        assertThat(r.path("response").path("candidates").get(0).path("content").path("parts").get(0).path("text").asText())
                .isEqualTo("Hello from fake-a.");
        assertThat(r.path("response").path("modelVersion").asText()).isEqualTo("gemini-2.5-pro");
        for (String c : dataLines(post("/v1internal:streamGenerateContent?alt=sse", req))) {
            assertThat(mapper.readTree(c).has("response")).isTrue();
        }
        assertThat(json(post("/v1internal:countTokens", req)).path("totalTokens").asLong()).isPositive();
    }

    @Test
    void modelListIsShapedAfterTheCaller() throws Exception {
        JsonNode openAi = json(get("/v1/models", null));
        assertThat(openAi.path("object").asText()).isEqualTo("list");
        assertThat(openAi.path("data").get(0).path("object").asText()).isEqualTo("model");
        JsonNode anthropic = json(get("/v1/models", "2023-06-01"));
        assertThat(anthropic.path("data").get(0).path("type").asText()).isEqualTo("model");
        assertThat(anthropic.has("has_more")).isTrue();
    }

    @Test
    void toolRoundTripInEveryProtocol() throws Exception {
        // chat
        JsonNode call = json(post("/v1/chat/completions", "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"weather?\"}],"
                + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"parameters\":{\"type\":\"object\","
                + "\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}}}]}"));
        JsonNode tc = call.path("choices").get(0).path("message").path("tool_calls").get(0);
        assertThat(tc.path("function").path("name").asText()).isEqualTo("get_weather");
        assertThat(tc.path("function").path("arguments").asText()).isEqualTo("{\"city\":\"Paris\"}");
        assertThat(call.path("choices").get(0).path("finish_reason").asText()).isEqualTo("tool_calls");
        JsonNode answer = json(post("/v1/chat/completions", "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"weather?\"},"
                + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"" + tc.path("id").asText() + "\",\"type\":\"function\","
                + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"{}\"}}]},{\"role\":\"tool\",\"tool_call_id\":\""
                + tc.path("id").asText() + "\",\"content\":\"sunny\"}],\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}}]}"));
        assertThat(answer.path("choices").get(0).path("message").path("content").asText()).isEqualTo("The tool answered: sunny (from fake-a)");

        // responses
        JsonNode rCall = json(post("/v1/responses", "{\"model\":\"m\",\"input\":\"weather?\",\"tools\":[{\"type\":\"function\","
                + "\"name\":\"get_weather\",\"parameters\":{\"type\":\"object\",\"properties\":{\"days\":{\"type\":\"integer\"}}}}]}"));
        JsonNode fc = rCall.path("output").get(1);
        assertThat(fc.path("type").asText()).isEqualTo("function_call");
        assertThat(fc.path("arguments").asText()).isEqualTo("{\"days\":1}");
        JsonNode rAnswer = json(post("/v1/responses", "{\"model\":\"m\",\"input\":[{\"role\":\"user\",\"content\":\"weather?\"},"
                + "{\"type\":\"function_call\",\"call_id\":\"" + fc.path("call_id").asText() + "\",\"name\":\"get_weather\",\"arguments\":\"{}\"},"
                + "{\"type\":\"function_call_output\",\"call_id\":\"" + fc.path("call_id").asText() + "\",\"output\":\"rain\"}],"
                + "\"tools\":[{\"type\":\"function\",\"name\":\"get_weather\"}]}"));
        assertThat(rAnswer.path("output").get(0).path("content").get(0).path("text").asText()).isEqualTo("The tool answered: rain (from fake-a)");

        // gemini
        String tools = "\"tools\":[{\"functionDeclarations\":[{\"name\":\"get_weather\",\"parameters\":{\"type\":\"OBJECT\","
                + "\"properties\":{\"city\":{\"type\":\"STRING\"}},\"required\":[\"city\"]}}]}]";
        JsonNode gCall = json(post("/v1beta/models/g:generateContent", "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"w?\"}]}]," + tools + "}"));
        JsonNode part = gCall.path("candidates").get(0).path("content").path("parts").get(1);
        assertThat(part.path("functionCall").path("name").asText()).isEqualTo("get_weather");
        assertThat(part.path("functionCall").path("args").path("city").asText()).isEqualTo("Paris");
        JsonNode gAnswer = json(post("/v1beta/models/g:generateContent", "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"w?\"}]},"
                + "{\"role\":\"model\",\"parts\":[{\"functionCall\":{\"name\":\"get_weather\",\"args\":{\"city\":\"Paris\"}}}]},"
                + "{\"role\":\"user\",\"parts\":[{\"functionResponse\":{\"name\":\"get_weather\",\"response\":{\"output\":\"windy\"}}}]}]," + tools + "}"));
        assertThat(gAnswer.path("candidates").get(0).path("content").path("parts").get(0).path("text").asText())
                .isEqualTo("The tool answered: windy (from fake-a)");
    }

    @Test
    void faultsSpeakTheProtocolOfTheEndpoint() throws Exception {
        up.enqueue(Behaviour.status(429));
        HttpResponse<String> gemini = send(HttpRequest.newBuilder(URI.create(up.baseUrl() + "/v1beta/models/g:generateContent"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"contents\":[]}")).build());
        assertThat(gemini.statusCode()).isEqualTo(429);
        assertThat(mapper.readTree(gemini.body()).path("error").path("status").asText()).isEqualTo("RESOURCE_EXHAUSTED");

        up.enqueue(Behaviour.fault(Behaviour.Fault.ERROR_EVENT_BEFORE_CONTENT));
        List<String> chat = dataLines(post("/v1/chat/completions", "{\"model\":\"m\",\"stream\":true,\"messages\":[]}"));
        assertThat(chat).hasSize(2);
        assertThat(mapper.readTree(chat.get(1)).path("error").path("message").asText()).isEqualTo("Overloaded");

        up.enqueue(Behaviour.fault(Behaviour.Fault.EMPTY_STREAM));
        List<String> g = dataLines(post("/v1beta/models/g:streamGenerateContent?alt=sse", "{\"contents\":[]}"));
        assertThat(g).hasSize(1);
        assertThat(mapper.readTree(g.getFirst()).has("candidates")).isFalse();

        up.enqueue(Behaviour.status(500));
        JsonNode responses = json(post("/v1/responses", "{\"model\":\"m\",\"input\":\"x\"}"));
        assertThat(responses.path("error").path("type").asText()).isEqualTo("server_error");
    }

    @Test
    void renderKnowsEveryWire() {
        Reply reply = Reply.text("Hi there");
        for (String wire : List.of("anthropic", "openai-chat", "openai-responses", "gemini", "gemini-cli")) {
            assertThat(up.render(wire, reply, "m", "id_1")).as(wire).isNotEmpty();
        }
        assertThat(up.render("openai-chat", reply, "m", "id_1").getLast()).isEqualTo("data: [DONE]\n\n");
        assertThat(up.render("anthropic", reply, "m", "id_1").getFirst()).startsWith("event: message_start\ndata: ");
    }

    private String post(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(up.baseUrl() + path)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build()).body();
    }

    private String get(String path, String anthropicVersion) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(up.baseUrl() + path)).GET();
        if (anthropicVersion != null) {
            b.header("anthropic-version", anthropicVersion);
        }
        return send(b.build()).body();
    }

    private static HttpResponse<String> send(HttpRequest r) throws Exception {
        return http.send(r, HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(String body) throws Exception {
        return mapper.readTree(body);
    }

    private static List<String> dataLines(String sse) {
        List<String> out = new ArrayList<>();
        for (String line : sse.split("\r?\n")) {
            if (line.startsWith("data: ")) {
                out.add(line.substring(6));
            }
        }
        return out;
    }
}
