package dev.cch.protocol.convert.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.protocol.convert.common.Json;
import dev.cch.protocol.convert.common.UpstreamErrors;
import dev.cch.protocol.convert.dialect.StreamReader;
import dev.cch.protocol.convert.model.StreamEvent;
import dev.cch.protocol.convert.model.StreamEvent.BlockKind;
import dev.cch.protocol.sse.SseEvent;
import dev.cch.protocol.usage.Usage;
import dev.cch.protocol.usage.UsageExtractor;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Parses an OpenAI Responses stream. Reasoning items become thinking blocks (summaries as text, the item's id and
 * encrypted content as the signature), message content parts text blocks, function_call items tool blocks.
 */
public final class ResponsesStreamReader implements StreamReader {
    private final ObjectMapper mapper;
    private final Map<Integer, Integer> itemBlocks = new HashMap<>();
    private final Set<Integer> streamedArgs = new HashSet<>();
    private boolean started;
    private boolean finished;
    private boolean calls;
    private boolean refused;
    private int next;
    private int open = -1;

    public ResponsesStreamReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void onEvent(SseEvent e, Consumer<StreamEvent> out) {
        if (e.data() == null || finished) {
            return;
        }
        JsonNode n;
        try {
            n = mapper.readTree(e.data());
        } catch (IOException ex) {
            return;
        }
        String type = Json.text(n, "type", e.event() == null ? "" : e.event());
        if (!started && !type.equals("error") && !type.equals("response.failed")) {
            started = true;
            out.accept(new StreamEvent.MessageStart(Json.text(n.path("response"), "id", "resp"), Usage.ZERO));
        }
        int outputIndex = n.path("output_index").asInt(-1);
        switch (type) {
            case "response.output_item.added" -> itemAdded(n.path("item"), outputIndex, out);
            case "response.content_part.added" -> {
                String partType = n.path("part").path("type").asText();
                if (partType.equals("output_text") || partType.equals("refusal")) {
                    refused |= partType.equals("refusal");
                    open(BlockKind.TEXT, null, null, outputIndex, out);
                }
            }
            case "response.output_text.delta", "response.refusal.delta" -> {
                if (open >= 0) {
                    out.accept(new StreamEvent.TextDelta(open, n.path("delta").asText("")));
                }
            }
            case "response.content_part.done" -> close(out);
            case "response.reasoning_summary_part.added" -> {
                if (n.path("summary_index").asInt(0) > 0 && open >= 0) {
                    out.accept(new StreamEvent.ThinkingDelta(open, "\n\n"));
                }
            }
            case "response.reasoning_summary_text.delta", "response.reasoning_text.delta" -> {
                if (open >= 0) {
                    out.accept(new StreamEvent.ThinkingDelta(open, n.path("delta").asText("")));
                }
            }
            case "response.function_call_arguments.delta" -> {
                Integer block = itemBlocks.get(outputIndex);
                if (block != null) {
                    streamedArgs.add(outputIndex);
                    out.accept(new StreamEvent.ToolArgsDelta(block, n.path("delta").asText("")));
                }
            }
            case "response.function_call_arguments.done" -> {
                Integer block = itemBlocks.get(outputIndex);
                if (block != null && !streamedArgs.contains(outputIndex)) {
                    out.accept(new StreamEvent.ToolArgsDelta(block, n.path("arguments").asText("")));
                }
            }
            case "response.output_item.done" -> itemDone(n.path("item"), out);
            case "response.completed", "response.incomplete" -> {
                close(out);
                finished = true;
                JsonNode r = n.path("response");
                out.accept(new StreamEvent.MessageDelta(ResponsesResponseReader.stopReason(r, calls, refused), null,
                        UsageExtractor.openAiResponses(r.path("usage"))));
                out.accept(new StreamEvent.MessageStop());
            }
            case "response.failed" -> fail(n.path("response").path("error"), out);
            case "error" -> fail(n.has("error") ? n.path("error") : n, out);
            default -> { }
        }
    }

    private void itemAdded(JsonNode item, int outputIndex, Consumer<StreamEvent> out) {
        switch (item.path("type").asText()) {
            case "function_call" -> {
                calls = true;
                open(BlockKind.TOOL_CALL, Json.text(item, "call_id"), Json.text(item, "name"), outputIndex, out);
                String args = Json.text(item, "arguments", "");
                if (!args.isEmpty()) {
                    streamedArgs.add(outputIndex);
                    out.accept(new StreamEvent.ToolArgsDelta(open, args));
                }
            }
            case "reasoning" -> open(BlockKind.THINKING, null, null, outputIndex, out);
            default -> { } // a message opens its text block with its content part
        }
    }

    private void itemDone(JsonNode item, Consumer<StreamEvent> out) {
        if (item.path("type").asText().equals("reasoning") && open >= 0) {
            var thinking = ReasoningItems.read(item, false);
            if (thinking.signature() != null && item.hasNonNull("encrypted_content")) {
                out.accept(new StreamEvent.SignatureDelta(open, thinking.signature()));
            }
        }
        close(out);
    }

    private void open(BlockKind kind, String toolId, String toolName, int outputIndex, Consumer<StreamEvent> out) {
        close(out);
        open = next++;
        itemBlocks.put(outputIndex, open);
        out.accept(new StreamEvent.BlockStart(open, kind, toolId, toolName));
    }

    private void close(Consumer<StreamEvent> out) {
        if (open >= 0) {
            out.accept(new StreamEvent.BlockStop(open));
            open = -1;
        }
    }

    private void fail(JsonNode err, Consumer<StreamEvent> out) {
        finished = true;
        out.accept(new StreamEvent.Failure(UpstreamErrors.openAi(Json.text(err, "type"), Json.text(err, "code"),
                Json.text(err, "message"))));
    }

    @Override
    public void onEnd(Consumer<StreamEvent> out) {
        // without response.completed the stream was cut off; the client sees it cut off too
    }
}
