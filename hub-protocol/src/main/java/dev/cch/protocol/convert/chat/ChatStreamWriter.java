package dev.cch.protocol.convert.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cch.protocol.convert.Converter.ResponseContext;
import dev.cch.protocol.convert.common.Hashes;
import dev.cch.protocol.convert.common.Json;
import dev.cch.protocol.convert.common.UsageJson;
import dev.cch.protocol.convert.dialect.StreamWriter;
import dev.cch.protocol.convert.model.StreamEvent;
import dev.cch.protocol.sse.SseEvent;
import dev.cch.protocol.usage.Usage;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Renders {@code chat.completion.chunk}s: the role in the first delta, tool calls with index, id, type and name in
 * their first delta, the finish reason in the last choice chunk, a usage chunk when asked for, then [DONE].
 */
public final class ChatStreamWriter implements StreamWriter {
    private final ResponseContext ctx;
    private final long created;
    private final Map<Integer, Integer> toolIndex = new HashMap<>();
    private String id;
    private Usage usage = Usage.ZERO;
    private boolean done;

    public ChatStreamWriter(ResponseContext ctx, long created) {
        this.ctx = ctx;
        this.created = created;
    }

    @Override
    public void write(StreamEvent e, Consumer<SseEvent> out) {
        if (done) {
            return;
        }
        if (id == null && !(e instanceof StreamEvent.Failure)) {
            String from = e instanceof StreamEvent.MessageStart s ? s.id() : "chatcmpl";
            id = Hashes.withPrefix("chatcmpl-", from);
            ObjectNode delta = Json.object().put("role", "assistant").put("content", "");
            delta.putNull("refusal");
            chunk(delta, null, out);
        }
        switch (e) {
            case StreamEvent.BlockStart b when b.kind() == StreamEvent.BlockKind.TOOL_CALL -> {
                int i = toolIndex.size();
                toolIndex.put(b.index(), i);
                ObjectNode tc = Json.object().put("index", i).put("id", b.toolId()).put("type", "function");
                tc.putObject("function").put("name", ctx.toolName(b.toolName())).put("arguments", "");
                ObjectNode delta = Json.object();
                delta.putArray("tool_calls").add(tc);
                chunk(delta, null, out);
            }
            case StreamEvent.TextDelta d -> chunk(Json.object().put("content", d.text()), null, out);
            case StreamEvent.ThinkingDelta d -> chunk(Json.object().put("reasoning_content", d.text()), null, out);
            case StreamEvent.ToolArgsDelta d -> {
                ObjectNode delta = Json.object();
                delta.putArray("tool_calls").addObject().put("index", toolIndex.getOrDefault(d.index(), 0))
                        .putObject("function").put("arguments", d.partialJson());
                chunk(delta, null, out);
            }
            case StreamEvent.MessageDelta d -> {
                usage = d.usage();
                chunk(Json.object(), ChatFinishReasons.write(d.stopReason()), out);
            }
            case StreamEvent.MessageStop s -> {
                if (ctx.includeUsage()) {
                    ObjectNode n = base();
                    n.putArray("choices");
                    n.set("usage", UsageJson.openAiChat(usage));
                    out.accept(SseEvent.of(null, n.toString()));
                }
                out.accept(SseEvent.of(null, "[DONE]"));
                done = true;
            }
            case StreamEvent.Failure f -> {
                ObjectNode n = Json.object();
                ObjectNode err = n.putObject("error");
                err.put("message", f.error().message()).put("type", f.error().type().openAiType());
                err.putNull("param");
                err.putNull("code");
                out.accept(SseEvent.of(null, n.toString()));
                done = true;
            }
            default -> { } // block boundaries, signatures and the start have no chunk of their own
        }
    }

    private void chunk(ObjectNode delta, String finish, Consumer<SseEvent> out) {
        ObjectNode n = base();
        ObjectNode choice = n.putArray("choices").addObject();
        choice.put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        if (finish != null) {
            choice.put("finish_reason", finish);
        } else {
            choice.putNull("finish_reason");
        }
        out.accept(SseEvent.of(null, n.toString()));
    }

    private ObjectNode base() {
        return Json.object().put("id", id).put("object", "chat.completion.chunk").put("created", created)
                .put("model", ctx.clientModel());
    }
}
