package dev.cch.protocol.convert.anthropic;

import dev.cch.protocol.convert.model.StopReason;

/** Anthropic's stop_reason vocabulary. */
final class AnthropicStopReasons {
    private AnthropicStopReasons() {
    }

    static StopReason read(String s) {
        return switch (s == null ? "" : s) {
            case "max_tokens", "model_context_window_exceeded" -> StopReason.MAX_TOKENS;
            case "tool_use" -> StopReason.TOOL_USE;
            case "stop_sequence" -> StopReason.STOP_SEQUENCE;
            case "refusal" -> StopReason.REFUSAL;
            default -> StopReason.END_TURN;
        };
    }

    static String write(StopReason r) {
        return switch (r == null ? StopReason.END_TURN : r) {
            case END_TURN -> "end_turn";
            case STOP_SEQUENCE -> "stop_sequence";
            case MAX_TOKENS -> "max_tokens";
            case TOOL_USE -> "tool_use";
            case REFUSAL -> "refusal";
        };
    }
}
