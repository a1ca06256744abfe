package dev.cch.testkit;

import java.util.List;

/**
 * What the fake model answers, independent of the protocol it is rendered in.
 *
 * @param blocks       content in order: thinking, text and tool calls
 * @param stopReason   end_turn, max_tokens, tool_use or stop_sequence (Anthropic names; each wire maps them)
 * @param inputTokens  fresh input tokens (excluding cache reads and writes)
 * @param outputTokens output tokens
 * @param cacheRead    cache read tokens
 * @param cacheWrite   cache write tokens (5 minute)
 */
public record Reply(List<Block> blocks, String stopReason, long inputTokens, long outputTokens, long cacheRead,
                    long cacheWrite) {

    public Reply {
        blocks = List.copyOf(blocks);
    }

    public static Reply text(String text) {
        return new Reply(List.of(new Text(text)), "end_turn", 12, Math.max(1, text.length() / 4), 0, 0);
    }

    public Reply withUsage(long input, long output, long read, long write) {
        return new Reply(blocks, stopReason, input, output, read, write);
    }

    /** One piece of content. */
    public sealed interface Block permits Text, Thinking, ToolCall {
    }

    public record Text(String text) implements Block {
    }

    public record Thinking(String text, String signature) implements Block {
    }

    /** A tool call; {@code argumentsJson} is the JSON object of arguments as text. */
    public record ToolCall(String id, String name, String argumentsJson) implements Block {
    }
}
