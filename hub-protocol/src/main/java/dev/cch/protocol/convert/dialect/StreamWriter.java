package dev.cch.protocol.convert.dialect;

import dev.cch.protocol.convert.model.StreamEvent;
import dev.cch.protocol.sse.SseEvent;

import java.util.function.Consumer;

/** Renders neutral events as one client stream. Stateful: one per stream. */
public interface StreamWriter {
    void write(StreamEvent e, Consumer<SseEvent> out);
}
