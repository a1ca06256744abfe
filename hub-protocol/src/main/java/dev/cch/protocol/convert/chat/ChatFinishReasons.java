package dev.cch.protocol.convert.chat;

import dev.cch.protocol.convert.model.StopReason;

/** Chat Completions' finish_reason vocabulary. */
final class ChatFinishReasons {
    private ChatFinishReasons() {
    }

    static StopReason read(String s, boolean calledTools) {
        return switch (s == null ? "" : s) {
            case "length" -> StopReason.MAX_TOKENS;
            case "tool_calls", "function_call" -> StopReason.TOOL_USE;
            case "content_filter" -> StopReason.REFUSAL;
            default -> calledTools ? StopReason.TOOL_USE : StopReason.END_TURN;
        };
    }

    static String write(StopReason r) {
        return switch (r == null ? StopReason.END_TURN : r) {
            case END_TURN, STOP_SEQUENCE -> "stop";
            case MAX_TOKENS -> "length";
            case TOOL_USE -> "tool_calls";
            case REFUSAL -> "content_filter";
        };
    }
}
