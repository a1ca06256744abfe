package dev.cch.server.pipeline;

import dev.cch.protocol.ClientProtocol;

/** The proxy endpoints a client can call. */
public enum Endpoint {
    MESSAGES(ClientProtocol.ANTHROPIC, "/v1/messages", true),
    COUNT_TOKENS(ClientProtocol.ANTHROPIC, "/v1/messages/count_tokens", false),
    CHAT_COMPLETIONS(ClientProtocol.OPENAI_CHAT, "/v1/chat/completions", true),
    RESPONSES(ClientProtocol.OPENAI_RESPONSES, "/v1/responses", true),
    GEMINI_GENERATE(ClientProtocol.GEMINI, "/v1beta/models/{model}:generateContent", true),
    GEMINI_STREAM(ClientProtocol.GEMINI, "/v1beta/models/{model}:streamGenerateContent", true),
    GEMINI_COUNT_TOKENS(ClientProtocol.GEMINI, "/v1beta/models/{model}:countTokens", false);

    private final ClientProtocol protocol;
    private final String path;
    private final boolean billed;

    Endpoint(ClientProtocol protocol, String path, boolean billed) {
        this.protocol = protocol;
        this.path = path;
        this.billed = billed;
    }

    public ClientProtocol protocol() {
        return protocol;
    }

    public String path() {
        return path;
    }

    /** Conversation endpoints are metered and billed; token counting is not. */
    public boolean billed() {
        return billed;
    }
}
