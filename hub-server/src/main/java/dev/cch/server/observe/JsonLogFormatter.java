package dev.cch.server.observe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cch.server.pipeline.Redactor;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * One JSON object per log line ({@code HUB_LOG_FORMAT=json}) for log shippers: time, level, logger, thread, message
 * and stack trace. Anything that looks like a key or token is masked before it is written.
 */
public final class JsonLogFormatter extends Formatter {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Puts this formatter on every handler of the root logger. */
    public static void install() {
        for (var h : Logger.getLogger("").getHandlers()) {
            h.setFormatter(new JsonLogFormatter());
        }
    }

    @Override
    public String format(LogRecord r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("ts", Instant.ofEpochMilli(r.getMillis()).toString());
        n.put("level", r.getLevel().getName());
        n.put("logger", r.getLoggerName());
        n.put("thread", Thread.currentThread().getName());
        n.put("message", Redactor.redact(formatMessage(r)));
        if (r.getThrown() != null) {
            StringWriter sw = new StringWriter();
            r.getThrown().printStackTrace(new PrintWriter(sw));
            n.put("error", Redactor.redact(String.valueOf(r.getThrown().getMessage())));
            n.put("stack", Redactor.redact(sw.toString()));
        }
        try {
            return JSON.writeValueAsString(n) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            return "{\"level\":\"SEVERE\",\"message\":\"unformattable log record\"}" + System.lineSeparator();
        }
    }
}
