package dev.cch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs wrk with a Lua script for POST bodies and reads its summary and latency distribution. */
final class Wrk {
    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)%\\s+([0-9.]+)(us|ms|s|m)\\s*$", Pattern.MULTILINE);
    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
    private static final Pattern SOCKET = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern NON2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

    /** One wrk run's figures; latencies in milliseconds. */
    record Result(double p50, double p99, double rps, long requests, long errors, String raw) {
    }

    private Wrk() {
    }

    /** Writes a wrk script that POSTs {@code body} with the given headers. */
    static Path script(Path dir, String name, String body, List<String[]> headers) throws IOException {
        StringBuilder lua = new StringBuilder("wrk.method = \"POST\"\n");
        for (String[] h : headers) {
            lua.append("wrk.headers[\"").append(h[0]).append("\"] = \"").append(h[1]).append("\"\n");
        }
        lua.append("wrk.body = [==[").append(body).append("]==]\n");
        Path p = dir.resolve(name + ".lua");
        Files.writeString(p, lua, StandardCharsets.UTF_8);
        return p;
    }

    static List<String> command(String url, Path script, int threads, int connections, int seconds, int timeoutSeconds) {
        return new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s",
                "--timeout", timeoutSeconds + "s", "--latency", "-s", script.toString(), url));
    }

    static Result run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + out);
        }
        return parse(out);
    }

    static Result parse(String out) {
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        Matcher m = PERCENTILE.matcher(out);
        while (m.find()) {
            double v = millis(Double.parseDouble(m.group(2)), m.group(3));
            if (m.group(1).equals("50")) {
                p50 = v;
            } else {
                p99 = v;
            }
        }
        Matcher r = RPS.matcher(out);
        Matcher n = REQUESTS.matcher(out);
        long errors = 0;
        Matcher s = SOCKET.matcher(out);
        if (s.find()) {
            for (int g = 1; g <= 4; g++) {
                errors += Long.parseLong(s.group(g));
            }
        }
        Matcher x = NON2XX.matcher(out);
        if (x.find()) {
            errors += Long.parseLong(x.group(1));
        }
        return new Result(p50, p99, r.find() ? Double.parseDouble(r.group(1)) : 0, n.find() ? Long.parseLong(n.group(1)) : 0,
                errors, out);
    }

    private static double millis(double v, String unit) {
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "us" -> v / 1000;
            case "ms" -> v;
            case "s" -> v * 1000;
            default -> v * 60_000;
        };
    }
}
