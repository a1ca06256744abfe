package dev.cch.protocol.sse;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SseFramerTest {

    private static List<String> frame(String stream, int chunk) {
        SseFramer f = new SseFramer();
        List<String> out = new ArrayList<>();
        byte[] b = stream.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < b.length; i += chunk) {
            f.feed(b, i, Math.min(chunk, b.length - i), x -> out.add(new String(x, StandardCharsets.UTF_8)));
        }
        return out;
    }

    @Test
    void framesAreTheSameWhateverTheChunking() {
        String s = "event: a\ndata: {\"x\":1}\n\nevent: b\ndata: line1\ndata: line2\n\n: comment\n\ndata: [DONE]\n\n";
        List<String> whole = frame(s, s.length());
        for (int chunk = 1; chunk < 12; chunk++) {
            assertThat(frame(s, chunk)).as("chunk " + chunk).isEqualTo(whole);
        }
        assertThat(whole).containsExactly("event: a\ndata: {\"x\":1}\n\n", "event: b\ndata: line1\ndata: line2\n\n",
                ": comment\n\n", "data: [DONE]\n\n");
    }

    @Test
    void crlfAndLoneCrLineEndingsEndFrames() {
        assertThat(frame("data: a\r\n\r\ndata: b\r\rdata: c\n\n", 1))
                .containsExactly("data: a\r\n\r\n", "data: b\r\r", "data: c\n\n");
    }

    @Test
    void framesKeepTheirExactBytes() {
        String s = "event:  spaced \ndata:{\"k\": \"v\"}\n\n";
        assertThat(String.join("", frame(s, 3))).isEqualTo(s);
    }

    @Test
    void strayBlankLinesBetweenFramesAreDropped() {
        assertThat(frame("\n\ndata: x\n\n\n", 2)).containsExactly("data: x\n\n");
    }

    @Test
    void truncatedFinalEventIsLeftAsRemainder() {
        SseFramer f = new SseFramer();
        List<String> out = new ArrayList<>();
        byte[] b = "data: one\n\ndata: tw".getBytes(StandardCharsets.UTF_8);
        f.feed(b, 0, b.length, x -> out.add(new String(x, StandardCharsets.UTF_8)));
        assertThat(out).containsExactly("data: one\n\n");
        assertThat(f.hasRemainder()).isTrue();
        assertThat(new String(f.remainder(), StandardCharsets.UTF_8)).isEqualTo("data: tw");
    }

    @Test
    void parsesFieldsAndJoinsDataLines() {
        SseEvent e = SseEvent.parse("id: 7\nevent: message_delta\ndata: a\ndata: b\n\n");
        assertThat(e.id()).isEqualTo("7");
        assertThat(e.event()).isEqualTo("message_delta");
        assertThat(e.data()).isEqualTo("a\nb");
        assertThat(SseEvent.parse(": keep-alive\n\n").isComment()).isTrue();
        assertThat(SseEvent.parse("data:no-space\n\n").data()).isEqualTo("no-space");
    }

    @Test
    void writerRoundTripsThroughTheParser() {
        byte[] frame = SseWriter.encode("content_block_delta", "{\"a\":1}\n{\"b\":2}");
        SseEvent e = SseEvent.parse(frame);
        assertThat(e.event()).isEqualTo("content_block_delta");
        assertThat(e.data()).isEqualTo("{\"a\":1}\n{\"b\":2}");
    }
}
