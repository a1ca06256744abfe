package dev.cch.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Gemini inside the Code Assist envelope (gemini-cli's {@code /v1internal}): every response body and stream
 * chunk is {@code {"response": <GenerateContentResponse>}}. Errors are not wrapped.
 */
final class CodeAssistWire implements Wire {
    private final ObjectMapper mapper;
    private final GeminiWire gemini;

    CodeAssistWire(ObjectMapper mapper, GeminiWire gemini) {
        this.mapper = mapper;
        this.gemini = gemini;
    }

    @Override
    public String idPrefix() {
        return gemini.idPrefix();
    }

    @Override
    public String json(Reply r, String model, String id) {
        return wrap(gemini.json(r, model, id)).toString();
    }

    @Override
    public List<String> events(Reply r, String model, String id) {
        List<String> out = new ArrayList<>();
        for (String frame : gemini.events(r, model, id)) {
            out.add(wrapFrame(frame));
        }
        return out;
    }

    @Override
    public String opening(Reply r, String model, String id) {
        return wrapFrame(gemini.opening(r, model, id));
    }

    private String wrapFrame(String frame) {
        String json = frame.substring("data: ".length()).strip();
        return gemini.frame(wrap(json));
    }

    private ObjectNode wrap(String json) {
        try {
            JsonNode inner = mapper.readTree(json);
            ObjectNode n = mapper.createObjectNode();
            n.set("response", inner);
            return n;
        } catch (Exception e) {
            throw new IllegalStateException("the Gemini wire renders JSON", e);
        }
    }

    @Override
    public String errorJson(int status, String message) {
        return gemini.errorJson(status, message);
    }

    @Override
    public String streamErrorEvent(String message) {
        return gemini.streamErrorEvent(message);
    }
}
