package dev.cch.bench;

import io.helidon.common.socket.SocketOptions;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The "direct" target of {@code bin/bench proxy}: a provider that answers at once with canned Anthropic Messages
 * replies, so the benchmark measures the hub and not the fake. {@code "stream":true} gets an SSE stream; a request
 * with {@code "max_tokens":4096} gets a long one (20 deltas 100 ms apart, 2 s), any other a short one (3 deltas).
 * Usage: {@code java -cp ... dev.cch.bench.FastUpstream <port>}.
 */
public final class FastUpstream {
    private static final byte[] JSON = ("{\"id\":\"msg_bench\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\","
            + "\"content\":[{\"type\":\"text\",\"text\":\"Hello from the bench upstream.\"}],\"stop_reason\":\"end_turn\","
            + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":25,\"output_tokens\":8}}").getBytes(StandardCharsets.UTF_8);
    private static final byte[] START = ("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_bench\","
            + "\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\",\"content\":[],\"stop_reason\":null,"
            + "\"usage\":{\"input_tokens\":25,\"output_tokens\":1}}}\n\n"
            + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n")
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] DELTA = ("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
            + "\"delta\":{\"type\":\"text_delta\",\"text\":\"word \"}}\n\n").getBytes(StandardCharsets.UTF_8);
    private static final byte[] END = ("event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
            + "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},"
            + "\"usage\":{\"output_tokens\":20}}\n\n"
            + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n").getBytes(StandardCharsets.UTF_8);

    private FastUpstream() {
    }

    public static void main(String[] args) {
        WebServer server = WebServer.builder().host("127.0.0.1").port(Integer.parseInt(args[0]))
                .connectionOptions(SocketOptions.builder().tcpNoDelay(true).build())
                .maxPayloadSize(64L << 20)
                .routing(r -> r.post("/*", FastUpstream::answer))
                .build().start();
        System.out.println("fast upstream on " + server.port());
    }

    private static void answer(ServerRequest req, ServerResponse res) throws IOException, InterruptedException {
        String body = new String(req.content().as(byte[].class), StandardCharsets.UTF_8);
        if (!body.contains("\"stream\":true")) {
            res.header(HeaderValues.CONTENT_TYPE_JSON);
            res.send(JSON);
            return;
        }
        boolean longStream = body.contains("\"max_tokens\":4096");
        res.header(HeaderValues.CONTENT_TYPE_EVENT_STREAM);
        res.header(HeaderNames.CACHE_CONTROL, "no-cache");
        try (OutputStream out = res.outputStream()) {
            out.write(START);
            out.flush();
            for (int i = 0; i < (longStream ? 20 : 3); i++) {
                if (longStream) {
                    Thread.sleep(100);
                }
                out.write(DELTA);
                out.flush();
            }
            out.write(END);
        }
    }
}
