package dev.cch.protocol.convert.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.protocol.ClientProtocol;
import dev.cch.protocol.convert.ConversionException;
import dev.cch.protocol.convert.dialect.Dialects;
import dev.cch.protocol.convert.model.Conversation;
import dev.cch.protocol.convert.model.Part;
import dev.cch.protocol.convert.model.ToolSpec;
import dev.cch.protocol.convert.model.Turn;

/**
 * Estimates the input tokens of a request of any protocol when no provider can count them: about four characters
 * a token over system prompt, messages and tool definitions, and a fixed amount per image or document.
 */
public final class TokenEstimator {
    /** Roughly what a provider charges for a typical screenshot-sized image. */
    public static final long MEDIA_TOKENS = 1600;
    private static final int CHARS_PER_TOKEN = 4;
    private static final int PER_MESSAGE = 3;

    private final Dialects dialects;

    public TokenEstimator(ObjectMapper mapper) {
        this.dialects = new Dialects(mapper);
    }

    public long estimate(ClientProtocol protocol, JsonNode request) throws ConversionException {
        Conversation c = dialects.of(protocol).requestReader().read(request);
        long chars = 0;
        long media = 0;
        long messages = 0;
        for (String s : c.system()) {
            chars += s.length();
        }
        for (Turn t : c.turns()) {
            messages++;
            for (Part p : t.parts()) {
                switch (p) {
                    case Part.Text x -> chars += x.text().length();
                    case Part.Thinking x -> chars += x.text().length();
                    case Part.ToolCall x -> chars += x.name().length() + x.argumentsJson().length();
                    case Part.Media x -> media++;
                    case Part.ToolResult x -> {
                        chars += x.text().length();
                        media += x.content().stream().filter(r -> r instanceof Part.Media).count();
                    }
                }
            }
        }
        for (ToolSpec t : c.tools()) {
            chars += t.name().length() + (t.description() == null ? 0 : t.description().length())
                    + (t.schema() == null ? 0 : t.schema().toString().length());
        }
        return (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN + media * MEDIA_TOKENS + messages * PER_MESSAGE;
    }
}
