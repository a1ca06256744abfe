package dev.cch.protocol.convert.model;

/**
 * Thinking settings. Budgets and efforts translate into each other with {@link #budget()} and {@link #effort()}.
 *
 * @param enabled      false when the client explicitly turned thinking off
 * @param budgetTokens a token budget (Anthropic, Gemini), or null
 * @param effortLevel  minimal, low, medium or high (OpenAI), or null
 */
public record Reasoning(boolean enabled, Integer budgetTokens, String effortLevel) {
    public static final Reasoning OFF = new Reasoning(false, null, null);

    /** The budget, derived from the effort when only that was given. */
    public int budget() {
        if (budgetTokens != null) {
            return budgetTokens;
        }
        return switch (effortLevel == null ? "medium" : effortLevel) {
            case "minimal" -> 1024;
            case "low" -> 4096;
            case "high", "xhigh" -> 32768;
            default -> 16384;
        };
    }

    /** The effort, derived from the budget when only that was given. */
    public String effort() {
        if (effortLevel != null) {
            return effortLevel;
        }
        if (budgetTokens == null) {
            return "medium";
        }
        return budgetTokens <= 1024 ? "minimal" : budgetTokens <= 4096 ? "low" : budgetTokens <= 16384 ? "medium" : "high";
    }
}
