package dev.cch.server.requestlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cch.server.json.Json;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Every text column of a row, and the JSON ones, is storable however the row was made: built, or read from a spool. */
class RequestLogRowTest {
    static final String BAD = "x\u0000\r\n\ud800";
    static final String CLEAN = "x\uFFFD  \uFFFD";

    @Test
    void everyTextColumnAndTheJsonAreCleanedWhenTheRowIsBuilt() {
        RequestLogRow r = hostile();
        assertThat(new String[]{r.requestId(), r.clientProtocol(), r.providerType(), r.endpoint(), r.model(),
                r.upstreamModel(), r.actualModel(), r.billingModel(), r.errorKind(), r.errorMessage(), r.blockedBy(),
                r.sessionId(), r.clientIp(), r.userAgent()}).containsOnly(CLEAN);
        assertThat(r.decisionChain().path(0).path("message").asText()).isEqualTo(CLEAN);
        assertThat(r.costBreakdown().path("note").asText()).isEqualTo(CLEAN);
    }

    @Test
    void aRowReadFromAnOlderSpoolFileIsCleanedToo() throws Exception {
        ObjectMapper mapper = Json.newMapper();
        String line = mapper.writeValueAsString(hostile()).replace("\uFFFD", "\\u0000"); // as older hubs spooled it
        assertThat(line).contains("\\u0000");
        RequestLogRow read = mapper.readValue(line, RequestLogRow.class);
        assertThat(read.model()).doesNotContain("\u0000");
        assertThat(read.decisionChain().toString()).doesNotContain("\u0000");
    }

    static RequestLogRow hostile() {
        JsonNode chain = JsonNodeFactory.instance.arrayNode().add(JsonNodeFactory.instance.objectNode().put("message", BAD));
        JsonNode breakdown = JsonNodeFactory.instance.objectNode().put("note", BAD);
        Instant t = Instant.now();
        return new RequestLogRow(BAD, t, t, 1L, 2L, 3L, BAD, BAD, BAD, BAD, BAD, BAD, BAD, false, 400, BAD, BAD, BAD,
                0, 0, 0, 0, 0, 0, BigDecimal.ZERO, breakdown, false, BigDecimal.ONE, BigDecimal.ONE, null, null, 1, BAD, 1,
                chain, BAD, BAD);
    }
}
