package dev.cch.protocol.convert.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.protocol.convert.common.Hashes;
import dev.cch.protocol.convert.common.Json;
import dev.cch.protocol.convert.dialect.StreamReader;
import dev.cch.protocol.convert.model.StreamEvent;
import dev.cch.protocol.convert.model.StreamEvent.BlockKind;
import dev.cch.protocol.sse.SseEvent;
import dev.cch.protocol.usage.Usage;
import dev.cch.protocol.usage.UsageExtractor;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Parses a Chat Completions stream (first choice). Tool calls arrive as deltas keyed by {@code index}; each new
 * index opens a block. The finish reason comes before the usage chunk, so the message ends at {@code [DONE]}.
 */
public final class ChatStreamReader implements StreamReader {
    private final ObjectMapper mapper;
    private final Map<Integer, Integer> toolBlocks = new HashMap<>();
    private boolean started;
    private boolean finished;
    private String id = "chatcmpl";
    private int next;
    private int open = -1;
    private BlockKind openKind;
    private String finish;
    private Usage usage = Usage.ZERO;

    public ChatStreamReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void onEvent(SseEvent e, Consumer<StreamEvent> out) {
        if (e.data() == null || finished) {
            return;
        }
        if (e.data().trim().equals("[DONE]")) {
            finish(out);
            return;
        }
        JsonNode n;
        try {
            n = mapper.readTree(e.data());
        } catch (IOException ex) {
            return;
        }
        var error = ChatResponseReader.openAiError(n);
        if (error.isPresent()) {
            finished = true;
            out.accept(new StreamEvent.Failure(error.get()));
            return;
        }
        if (!started) {
            started = true;
            id = Json.text(n, "id", id);
            out.accept(new StreamEvent.MessageStart(id, Usage.ZERO));
        }
        for (JsonNode choice : n.path("choices")) {
            if (choice.path("index").asInt(0) == 0) {
                choice(choice, out);
            }
        }
        if (n.path("usage").isObject()) {
            usage = UsageExtractor.openAiChat(n.path("usage"));
        }
    }

    private void choice(JsonNode choice, Consumer<StreamEvent> out) {
        JsonNode d = choice.path("delta");
        String reasoning = Json.text(d, "reasoning_content");
        if (reasoning == null) {
            reasoning = Json.text(d, "reasoning");
        }
        if (reasoning != null && !reasoning.isEmpty()) {
            ensureOpen(BlockKind.THINKING, out);
            out.accept(new StreamEvent.ThinkingDelta(open, reasoning));
        }
        String content = Json.text(d, "content");
        if (content != null && !content.isEmpty()) {
            ensureOpen(BlockKind.TEXT, out);
            out.accept(new StreamEvent.TextDelta(open, content));
        }
        for (JsonNode tc : d.path("tool_calls")) {
            int toolIndex = tc.path("index").asInt(toolBlocks.size());
            Integer block = toolBlocks.get(toolIndex);
            JsonNode f = tc.path("function");
            if (block == null) {
                close(out);
                block = next++;
                toolBlocks.put(toolIndex, block);
                String callId = Json.text(tc, "id", Hashes.id("call_", id + "/" + toolIndex));
                out.accept(new StreamEvent.BlockStart(block, BlockKind.TOOL_CALL, callId, Json.text(f, "name")));
                open = block;
                openKind = BlockKind.TOOL_CALL;
            }
            String args = Json.text(f, "arguments");
            if (args != null && !args.isEmpty()) {
                out.accept(new StreamEvent.ToolArgsDelta(block, args));
            }
        }
        String fr = Json.text(choice, "finish_reason");
        if (fr != null) {
            finish = fr;
        }
    }

    private void ensureOpen(BlockKind kind, Consumer<StreamEvent> out) {
        if (open >= 0 && openKind == kind) {
            return;
        }
        close(out);
        open = next++;
        openKind = kind;
        out.accept(new StreamEvent.BlockStart(open, kind, null, null));
    }

    private void close(Consumer<StreamEvent> out) {
        if (open >= 0) {
            out.accept(new StreamEvent.BlockStop(open));
            open = -1;
            openKind = null;
        }
    }

    private void finish(Consumer<StreamEvent> out) {
        if (finished || !started) {
            return;
        }
        finished = true;
        close(out);
        out.accept(new StreamEvent.MessageDelta(ChatFinishReasons.read(finish, !toolBlocks.isEmpty()), null, usage));
        out.accept(new StreamEvent.MessageStop());
    }

    @Override
    public void onEnd(Consumer<StreamEvent> out) {
        // some compatible servers end without [DONE]; a finish reason is enough to close the message
        if (finish != null) {
            finish(out);
        }
    }
}
