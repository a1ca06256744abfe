package dev.cch.protocol.convert;

import dev.cch.protocol.convert.dialect.StreamReader;
import dev.cch.protocol.convert.dialect.StreamWriter;
import dev.cch.protocol.convert.model.StreamEvent;
import dev.cch.protocol.sse.SseEvent;

import java.util.function.Consumer;

/** A provider stream reader feeding a client stream writer; nothing passes after a failure. */
final class NeutralStreamTranslator implements StreamTranslator {
    private final StreamReader reader;
    private final StreamWriter writer;
    private boolean failed;

    NeutralStreamTranslator(StreamReader reader, StreamWriter writer) {
        this.reader = reader;
        this.writer = writer;
    }

    @Override
    public void onEvent(SseEvent providerEvent, Consumer<SseEvent> client) {
        if (!failed && !providerEvent.isComment()) {
            reader.onEvent(providerEvent, e -> pass(e, client));
        }
    }

    @Override
    public void onEnd(Consumer<SseEvent> client) {
        if (!failed) {
            reader.onEnd(e -> pass(e, client));
        }
    }

    private void pass(StreamEvent e, Consumer<SseEvent> client) {
        if (failed) {
            return;
        }
        failed = e instanceof StreamEvent.Failure;
        writer.write(e, client);
    }
}
