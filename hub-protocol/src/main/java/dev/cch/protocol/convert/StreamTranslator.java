package dev.cch.protocol.convert;

import dev.cch.protocol.sse.SseEvent;

import java.util.function.Consumer;

/** Turns one provider stream into the client's protocol, event by event. Stateful: one per stream. */
public interface StreamTranslator {
    /** Translates one provider event into zero or more client events. */
    void onEvent(SseEvent providerEvent, Consumer<SseEvent> client);

    /** The provider stream ended cleanly; emit whatever closes the client's stream. */
    void onEnd(Consumer<SseEvent> client);
}
