package dev.cch.protocol;

/** The kind of upstream a provider is, which fixes the protocol and the auth headers sent to it. */
public enum ProviderType {
    /** Anthropic Messages; sends both {@code x-api-key} and {@code Authorization: Bearer}. */
    CLAUDE("claude", ClientProtocol.ANTHROPIC),
    /** Anthropic Messages behind relays that reject {@code x-api-key}: Bearer only. */
    CLAUDE_AUTH("claude-auth", ClientProtocol.ANTHROPIC),
    /** OpenAI Responses (Codex). */
    CODEX("codex", ClientProtocol.OPENAI_RESPONSES),
    /** OpenAI Chat Completions. */
    OPENAI_COMPATIBLE("openai-compatible", ClientProtocol.OPENAI_CHAT),
    /** Gemini generateContent with {@code x-goog-api-key}. */
    GEMINI("gemini", ClientProtocol.GEMINI),
    /** Gemini inside the Code Assist envelope ({@code /v1internal}). */
    GEMINI_CLI("gemini-cli", ClientProtocol.GEMINI);

    private final String wireName;
    private final ClientProtocol protocol;

    ProviderType(String wireName, ClientProtocol protocol) {
        this.wireName = wireName;
        this.protocol = protocol;
    }

    public String wireName() {
        return wireName;
    }

    /** The protocol family this provider speaks natively. */
    public ClientProtocol protocol() {
        return protocol;
    }

    public static ProviderType fromWireName(String name) {
        for (ProviderType t : values()) {
            if (t.wireName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown provider type: " + name);
    }
}
