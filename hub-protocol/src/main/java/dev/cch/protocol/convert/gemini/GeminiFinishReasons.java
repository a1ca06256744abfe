package dev.cch.protocol.convert.gemini;

import dev.cch.protocol.convert.model.StopReason;

/** Gemini's finishReason vocabulary; a function call ends with STOP like a plain answer. */
final class GeminiFinishReasons {
    private GeminiFinishReasons() {
    }

    static StopReason read(String s, boolean calledTools) {
        return switch (s == null ? "" : s) {
            case "MAX_TOKENS" -> StopReason.MAX_TOKENS;
            case "SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY" -> StopReason.REFUSAL;
            default -> calledTools ? StopReason.TOOL_USE : StopReason.END_TURN;
        };
    }

    static String write(StopReason r) {
        return switch (r == null ? StopReason.END_TURN : r) {
            case MAX_TOKENS -> "MAX_TOKENS";
            case REFUSAL -> "SAFETY";
            default -> "STOP";
        };
    }
}
