package dev.cch.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link Reply} as the OpenAI Responses API does: a response object, or the typed event stream from
 * {@code response.created} to {@code response.completed} with a {@code sequence_number} on every event. Thinking
 * becomes a reasoning item whose summary is the text and whose encrypted_content is the signature.
 */
final class ResponsesWire implements Wire {
    private final ObjectMapper mapper;

    ResponsesWire(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public String idPrefix() {
        return "resp_fake_";
    }

    @Override
    public String json(Reply r, String model, String id) {
        ArrayNode output = mapper.createArrayNode();
        int i = 0;
        for (Reply.Block b : r.blocks()) {
            output.add(item(b, id, i++, true));
        }
        return response(r, model, id, status(r), output, true).toString();
    }

    @Override
    public List<String> events(Reply r, String model, String id) {
        Events out = new Events();
        ObjectNode created = response(r, model, id, "in_progress", mapper.createArrayNode(), false);
        out.add("response.created", mapper.createObjectNode().set("response", created));
        out.add("response.in_progress", mapper.createObjectNode().set("response", created.deepCopy()));
        ArrayNode output = mapper.createArrayNode();
        int i = 0;
        for (Reply.Block b : r.blocks()) {
            ObjectNode added = item(b, id, i, false);
            String itemId = added.path("id").asText();
            out.add("response.output_item.added", mapper.createObjectNode().put("output_index", i).set("item", added));
            switch (b) {
                case Reply.Text t -> {
                    out.add("response.content_part.added", part(itemId, i).set("part", textPart("")));
                    for (String piece : Chunks.of(t.text(), 8)) {
                        out.add("response.output_text.delta", part(itemId, i).put("delta", piece).set("logprobs", mapper.createArrayNode()));
                    }
                    out.add("response.output_text.done", part(itemId, i).put("text", t.text()).set("logprobs", mapper.createArrayNode()));
                    out.add("response.content_part.done", part(itemId, i).set("part", textPart(t.text())));
                }
                case Reply.Thinking t -> {
                    ObjectNode sp = mapper.createObjectNode().put("type", "summary_text").put("text", "");
                    out.add("response.reasoning_summary_part.added", summary(itemId, i).set("part", sp));
                    for (String piece : Chunks.of(t.text(), 12)) {
                        out.add("response.reasoning_summary_text.delta", summary(itemId, i).put("delta", piece));
                    }
                    out.add("response.reasoning_summary_text.done", summary(itemId, i).put("text", t.text()));
                    out.add("response.reasoning_summary_part.done", summary(itemId, i)
                            .set("part", mapper.createObjectNode().put("type", "summary_text").put("text", t.text())));
                }
                case Reply.ToolCall c -> {
                    for (String piece : Chunks.of(c.argumentsJson(), 10)) {
                        out.add("response.function_call_arguments.delta", itemEvent(itemId, i).put("delta", piece));
                    }
                    out.add("response.function_call_arguments.done", itemEvent(itemId, i).put("arguments", c.argumentsJson()));
                }
            }
            ObjectNode done = item(b, id, i, true);
            output.add(done);
            out.add("response.output_item.done", mapper.createObjectNode().put("output_index", i).set("item", done));
            i++;
        }
        String status = status(r);
        out.add(status.equals("completed") ? "response.completed" : "response.incomplete",
                mapper.createObjectNode().set("response", response(r, model, id, status, output, true)));
        return out.frames;
    }

    @Override
    public String opening(Reply r, String model, String id) {
        return events(r, model, id).getFirst();
    }

    private ObjectNode item(Reply.Block b, String responseId, int i, boolean done) {
        String suffix = responseId.substring(Math.min(responseId.length(), 5)) + "_" + i;
        String status = done ? "completed" : "in_progress";
        return switch (b) {
            case Reply.Text t -> {
                ObjectNode m = mapper.createObjectNode().put("id", "msg_" + suffix).put("type", "message").put("status", status);
                ArrayNode content = m.putArray("content");
                if (done) {
                    content.add(textPart(t.text()));
                }
                m.put("role", "assistant");
                yield m;
            }
            case Reply.Thinking t -> {
                ObjectNode rs = mapper.createObjectNode().put("id", "rs_" + suffix).put("type", "reasoning");
                ArrayNode summary = rs.putArray("summary");
                if (done) {
                    summary.addObject().put("type", "summary_text").put("text", t.text());
                    rs.put("encrypted_content", t.signature());
                }
                yield rs;
            }
            case Reply.ToolCall c -> mapper.createObjectNode().put("id", "fc_" + suffix).put("type", "function_call")
                    .put("status", status).put("arguments", done ? c.argumentsJson() : "").put("call_id", c.id())
                    .put("name", c.name());
        };
    }

    private ObjectNode response(Reply r, String model, String id, String status, ArrayNode output, boolean withUsage) {
        ObjectNode n = mapper.createObjectNode().put("id", id).put("object", "response").put("created_at", CREATED)
                .put("status", status);
        n.putNull("error");
        if (status.equals("incomplete")) {
            n.putObject("incomplete_details").put("reason", "max_output_tokens");
        } else {
            n.putNull("incomplete_details");
        }
        n.putNull("instructions");
        n.putNull("max_output_tokens");
        n.put("model", model);
        n.set("output", output);
        n.put("parallel_tool_calls", true);
        n.putNull("previous_response_id");
        n.putObject("reasoning").putNull("effort").putNull("summary");
        n.put("store", false);
        n.putObject("text").putObject("format").put("type", "text");
        n.put("tool_choice", "auto");
        n.putArray("tools");
        n.put("truncation", "disabled");
        if (withUsage) {
            long in = r.inputTokens() + r.cacheRead() + r.cacheWrite();
            ObjectNode u = n.putObject("usage").put("input_tokens", in);
            u.putObject("input_tokens_details").put("cached_tokens", r.cacheRead());
            u.put("output_tokens", r.outputTokens());
            u.putObject("output_tokens_details").put("reasoning_tokens", 0);
            u.put("total_tokens", in + r.outputTokens());
        } else {
            n.putNull("usage");
        }
        n.putObject("metadata");
        return n;
    }

    private static String status(Reply r) {
        return r.stopReason().equals("max_tokens") ? "incomplete" : "completed";
    }

    private ObjectNode textPart(String text) {
        ObjectNode p = mapper.createObjectNode().put("type", "output_text");
        p.putArray("annotations");
        p.putArray("logprobs");
        p.put("text", text);
        return p;
    }

    private ObjectNode itemEvent(String itemId, int i) {
        return mapper.createObjectNode().put("item_id", itemId).put("output_index", i);
    }

    private ObjectNode part(String itemId, int i) {
        return itemEvent(itemId, i).put("content_index", 0);
    }

    private ObjectNode summary(String itemId, int i) {
        return itemEvent(itemId, i).put("summary_index", 0);
    }

    /** Numbers the events as they are added. */
    private final class Events {
        final List<String> frames = new ArrayList<>();

        void add(String type, ObjectNode body) {
            ObjectNode n = mapper.createObjectNode().put("type", type);
            n.setAll(body);
            n.put("sequence_number", frames.size());
            frames.add("event: " + type + "\ndata: " + n + "\n\n");
        }
    }

    @Override
    public String errorJson(int status, String message) {
        return new OpenAiChatWire(mapper).errorJson(status, message);
    }

    @Override
    public String streamErrorEvent(String message) {
        ObjectNode n = mapper.createObjectNode().put("type", "error").put("code", "server_error").put("message", message);
        n.putNull("param");
        n.put("sequence_number", 2);
        return "event: error\ndata: " + n + "\n\n";
    }
}
