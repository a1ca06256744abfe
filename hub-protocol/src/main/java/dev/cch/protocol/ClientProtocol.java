package dev.cch.protocol;

/** The wire protocol a client speaks to the hub. Decided by the endpoint it calls. */
public enum ClientProtocol {
    ANTHROPIC("anthropic"),
    OPENAI_CHAT("openai-chat"),
    OPENAI_RESPONSES("openai-responses"),
    GEMINI("gemini");

    private final String wireName;

    ClientProtocol(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static ClientProtocol fromWireName(String name) {
        for (ClientProtocol p : values()) {
            if (p.wireName.equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown protocol: " + name);
    }
}
