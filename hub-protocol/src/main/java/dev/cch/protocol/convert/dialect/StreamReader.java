package dev.cch.protocol.convert.dialect;

import dev.cch.protocol.convert.model.StreamEvent;
import dev.cch.protocol.sse.SseEvent;

import java.util.function.Consumer;

/** Parses one provider stream into neutral events. Stateful: one per stream. */
public interface StreamReader {
    void onEvent(SseEvent e, Consumer<StreamEvent> out);

    /** The stream ended cleanly; protocols without a terminal event finish the message here. */
    void onEnd(Consumer<StreamEvent> out);
}
