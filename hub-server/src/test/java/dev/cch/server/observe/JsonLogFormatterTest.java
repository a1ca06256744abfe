package dev.cch.server.observe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLogFormatterTest {

    @Test
    void eachRecordIsOneLineOfJsonWithSecretsMasked() throws Exception {
        LogRecord r = new LogRecord(Level.WARNING, "upstream {0} said \"no\"\nfor key sk-ant-api03-abcdefghijklmnop");
        r.setParameters(new Object[] {"p1"});
        r.setLoggerName("dev.cch.server.test");
        r.setThrown(new IllegalStateException("Bearer abcdefghijklmnopqrstuvwxyz refused"));
        String line = new JsonLogFormatter().format(r);

        assertThat(line).endsWith(System.lineSeparator());
        assertThat(line.strip()).doesNotContain("\n");
        JsonNode n = new ObjectMapper().readTree(line);
        assertThat(n.path("level").asText()).isEqualTo("WARNING");
        assertThat(n.path("logger").asText()).isEqualTo("dev.cch.server.test");
        assertThat(n.path("message").asText()).startsWith("upstream p1 said \"no\"\nfor key ").doesNotContain("abcdefghijklmnop");
        assertThat(n.path("error").asText()).doesNotContain("abcdefghijklmnopqrstuvwxyz");
        assertThat(n.path("stack").asText()).contains("IllegalStateException").doesNotContain("abcdefghijklmnopqrstuvwxyz");
        assertThat(n.path("ts").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
    }
}
