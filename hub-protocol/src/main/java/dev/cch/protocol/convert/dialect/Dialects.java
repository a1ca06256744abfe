package dev.cch.protocol.convert.dialect;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.protocol.ClientProtocol;
import dev.cch.protocol.ProviderType;
import dev.cch.protocol.convert.anthropic.AnthropicRequestReader;
import dev.cch.protocol.convert.anthropic.AnthropicRequestWriter;
import dev.cch.protocol.convert.anthropic.AnthropicResponseReader;
import dev.cch.protocol.convert.anthropic.AnthropicResponseWriter;
import dev.cch.protocol.convert.anthropic.AnthropicStreamReader;
import dev.cch.protocol.convert.anthropic.AnthropicStreamWriter;
import dev.cch.protocol.convert.chat.ChatRequestReader;
import dev.cch.protocol.convert.chat.ChatRequestWriter;
import dev.cch.protocol.convert.chat.ChatResponseReader;
import dev.cch.protocol.convert.chat.ChatResponseWriter;
import dev.cch.protocol.convert.chat.ChatStreamReader;
import dev.cch.protocol.convert.chat.ChatStreamWriter;
import dev.cch.protocol.convert.gemini.CodeAssistEnvelope;
import dev.cch.protocol.convert.gemini.GeminiRequestReader;
import dev.cch.protocol.convert.gemini.GeminiRequestWriter;
import dev.cch.protocol.convert.gemini.GeminiResponseReader;
import dev.cch.protocol.convert.gemini.GeminiResponseWriter;
import dev.cch.protocol.convert.gemini.GeminiStreamReader;
import dev.cch.protocol.convert.gemini.GeminiStreamWriter;
import dev.cch.protocol.convert.responses.ResponsesRequestReader;
import dev.cch.protocol.convert.responses.ResponsesRequestWriter;
import dev.cch.protocol.convert.responses.ResponsesResponseReader;
import dev.cch.protocol.convert.responses.ResponsesResponseWriter;
import dev.cch.protocol.convert.responses.ResponsesStreamReader;
import dev.cch.protocol.convert.responses.ResponsesStreamWriter;

/** The dialect of each protocol, and of each provider type (gemini-cli is Gemini in the Code Assist envelope). */
public final class Dialects {
    private final ObjectMapper mapper;

    public Dialects(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Dialect of(ClientProtocol p) {
        return switch (p) {
            case ANTHROPIC -> new Dialect(p, new AnthropicRequestReader(), new AnthropicRequestWriter(mapper),
                    new AnthropicResponseReader(), new AnthropicResponseWriter(mapper),
                    () -> new AnthropicStreamReader(mapper), (ctx, now) -> new AnthropicStreamWriter(ctx));
            case OPENAI_CHAT -> new Dialect(p, new ChatRequestReader(), new ChatRequestWriter(),
                    new ChatResponseReader(), new ChatResponseWriter(),
                    () -> new ChatStreamReader(mapper), ChatStreamWriter::new);
            case OPENAI_RESPONSES -> new Dialect(p, new ResponsesRequestReader(), new ResponsesRequestWriter(),
                    new ResponsesResponseReader(), new ResponsesResponseWriter(),
                    () -> new ResponsesStreamReader(mapper), ResponsesStreamWriter::new);
            case GEMINI -> new Dialect(p, new GeminiRequestReader(), new GeminiRequestWriter(mapper),
                    new GeminiResponseReader(), new GeminiResponseWriter(mapper),
                    () -> new GeminiStreamReader(mapper), (ctx, now) -> new GeminiStreamWriter(ctx, mapper));
        };
    }

    public Dialect of(ProviderType t) {
        Dialect d = of(t.protocol());
        if (t != ProviderType.GEMINI_CLI) {
            return d;
        }
        RequestWriter inner = d.requestWriter();
        RequestWriter wrapped = (c, ctx) -> CodeAssistEnvelope.wrap(inner.write(c, ctx), ctx);
        return new Dialect(d.protocol(), d.requestReader(), wrapped, d.responseReader(), d.responseWriter(),
                d.streamReaders(), d.streamWriters());
    }
}
