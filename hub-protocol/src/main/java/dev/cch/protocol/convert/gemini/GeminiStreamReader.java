package dev.cch.protocol.convert.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.protocol.ClientProtocol;
import dev.cch.protocol.convert.common.Hashes;
import dev.cch.protocol.convert.common.Json;
import dev.cch.protocol.convert.common.Signatures;
import dev.cch.protocol.convert.dialect.StreamReader;
import dev.cch.protocol.convert.model.StreamEvent;
import dev.cch.protocol.convert.model.StreamEvent.BlockKind;
import dev.cch.protocol.sse.SseEvent;
import dev.cch.protocol.usage.Usage;
import dev.cch.protocol.usage.UsageExtractor;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * Parses a Gemini SSE stream ({@code data: <GenerateContentResponse>} per chunk, optionally in the Code Assist
 * envelope). Gemini sends whole function calls per chunk and has no terminal event: the message ends at the end
 * of the stream, with the last finishReason and usageMetadata seen.
 */
public final class GeminiStreamReader implements StreamReader {
    private final ObjectMapper mapper;
    private boolean started;
    private boolean finished;
    private boolean calls;
    private String id = "gemini";
    private int next;
    private int open = -1;
    private BlockKind openKind;
    private int partCount;
    private String finish;
    private Usage usage = Usage.ZERO;

    public GeminiStreamReader(ObjectMapper mapper) {
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
        var error = new GeminiResponseReader().error(n);
        if (error.isPresent()) {
            finished = true;
            out.accept(new StreamEvent.Failure(error.get()));
            return;
        }
        JsonNode r = CodeAssistEnvelope.unwrap(n);
        if (!started) {
            started = true;
            id = Json.text(r, "responseId", id);
            out.accept(new StreamEvent.MessageStart(id, Usage.ZERO));
        }
        JsonNode candidate = r.path("candidates").path(0);
        for (JsonNode part : candidate.path("content").path("parts")) {
            part(part, out);
        }
        String fr = Json.text(candidate, "finishReason");
        if (fr != null) {
            finish = fr;
        }
        if (r.path("usageMetadata").isObject()) {
            usage = UsageExtractor.gemini(r.path("usageMetadata"));
        }
    }

    private void part(JsonNode part, Consumer<StreamEvent> out) {
        String sig = Signatures.fromProvider(ClientProtocol.GEMINI, Json.text(part, "thoughtSignature"));
        String text = Json.text(part, "text", "");
        if (part.path("thought").asBoolean(false)) {
            ensureOpen(BlockKind.THINKING, out);
            if (!text.isEmpty()) {
                out.accept(new StreamEvent.ThinkingDelta(open, text));
            }
            if (sig != null) {
                out.accept(new StreamEvent.SignatureDelta(open, sig));
            }
            return;
        }
        if (sig != null) {
            // a signature on an answer part closes the reasoning before it
            ensureOpen(BlockKind.THINKING, out);
            out.accept(new StreamEvent.SignatureDelta(open, sig));
            close(out);
        }
        if (part.has("functionCall")) {
            JsonNode f = part.path("functionCall");
            close(out);
            calls = true;
            int block = next++;
            String callId = Json.text(f, "id", Hashes.id("call_", id + "/" + partCount + "/" + f.path("name").asText()));
            out.accept(new StreamEvent.BlockStart(block, BlockKind.TOOL_CALL, callId, Json.text(f, "name")));
            out.accept(new StreamEvent.ToolArgsDelta(block, f.path("args").isObject() ? f.path("args").toString() : "{}"));
            out.accept(new StreamEvent.BlockStop(block));
        } else if (!text.isEmpty()) {
            ensureOpen(BlockKind.TEXT, out);
            out.accept(new StreamEvent.TextDelta(open, text));
        }
        partCount++;
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

    @Override
    public void onEnd(Consumer<StreamEvent> out) {
        if (!started || finished) {
            return;
        }
        finished = true;
        close(out);
        out.accept(new StreamEvent.MessageDelta(GeminiFinishReasons.read(finish, calls), null, usage));
        out.accept(new StreamEvent.MessageStop());
    }
}
