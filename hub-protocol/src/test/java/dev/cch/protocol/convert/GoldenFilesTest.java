package dev.cch.protocol.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cch.protocol.sse.SseEvent;
import dev.cch.protocol.sse.SseFramer;
import dev.cch.protocol.sse.SseWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every golden case under {@code src/test/resources/golden}: converts {@code in.*} and compares with
 * {@code out.*} (JSON structurally, SSE as text). With {@code -Dgolden.update=true} it writes {@code out.*} instead.
 */
class GoldenFilesTest {
    static final Path ROOT = Path.of("src/test/resources/golden");
    static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1767225600), ZoneOffset.UTC);
    static final boolean UPDATE = Boolean.getBoolean("golden.update");

    final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static Stream<Path> cases() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            List<Path> dirs = files.filter(p -> p.getFileName().toString().startsWith("in."))
                    .map(Path::getParent).sorted().toList();
            return dirs.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void convertsAsTheGoldenFileSays(Path dir) throws Exception {
        GoldenCase c = GoldenCase.of(dir, mapper);
        Converter converter = Conversions.converter(c.client(), c.provider(), CLOCK)
                .orElseThrow(() -> new AssertionError("no converter for " + c));
        if (c.kind().equals("stream")) {
            check(dir.resolve("out.sse"), stream(converter, c), false);
        } else {
            JsonNode in = mapper.readTree(dir.resolve("in.json").toFile());
            String out;
            if (c.kind().equals("request")) {
                out = request(converter, c, in);
            } else {
                out = pretty(converter.response(in, c.responseContext()));
            }
            check(dir.resolve("out.json"), out, true);
        }
    }

    private String request(Converter converter, GoldenCase c, JsonNode in) throws IOException {
        try {
            return pretty(converter.request(in, c.requestContext(in)));
        } catch (ConversionException e) {
            return mapper.writeValueAsString(mapper.createObjectNode().put("conversion_error", e.getMessage())) + "\n";
        }
    }

    private String stream(Converter converter, GoldenCase c) throws IOException {
        byte[] in = Files.readAllBytes(c.dir().resolve("in.sse"));
        StreamTranslator t = converter.stream(c.responseContext());
        StringBuilder out = new StringBuilder();
        List<byte[]> frames = new ArrayList<>();
        new SseFramer().feed(in, 0, in.length, frames::add);
        for (byte[] frame : frames) {
            t.onEvent(SseEvent.parse(frame), e -> out.append(new String(SseWriter.encode(e), StandardCharsets.UTF_8)));
        }
        t.onEnd(e -> out.append(new String(SseWriter.encode(e), StandardCharsets.UTF_8)));
        return out.toString();
    }

    private String pretty(byte[] json) throws IOException {
        return mapper.writeValueAsString(mapper.readTree(json)) + "\n";
    }

    private void check(Path expected, String actual, boolean json) throws IOException {
        if (UPDATE) {
            Files.writeString(expected, actual);
            return;
        }
        assertThat(expected).as("golden file missing; run with -Dgolden.update=true to create it").exists();
        String want = Files.readString(expected);
        if (json) {
            assertThat(mapper.readTree(actual)).as(expected.toString()).isEqualTo(mapper.readTree(want));
        } else {
            assertThat(actual).as(expected.toString()).isEqualTo(want);
        }
    }
}
