package dev.cch.server.testing;

import dev.cch.server.HubServer;
import org.awaitility.Awaitility;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A hub in a process of its own, for tests that kill it (SIGKILL) and start it again on the same data directory, and
 * the setup such tests share: one Claude provider and one key through the admin API.
 */
public final class HubProcess {
    /** A small Messages request every provider in these tests answers. */
    public static final Map<String, Object> MESSAGE = Map.of("model", "claude-sonnet-4-5", "max_tokens", 8,
            "messages", List.of(Map.of("role", "user", "content", "hi")));

    private HubProcess() {
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A hub process on the port, ready; {@code settings} are further {@code key=value} options overriding these. */
    public static Process start(int port, Path dir, String dbUrl, String... settings) throws IOException {
        return start(port, dir, dbUrl, List.of(), settings);
    }

    /** The same, with JVM flags (a small heap, a collector) ahead of the hub's options. */
    public static Process start(int port, Path dir, String dbUrl, List<String> jvmFlags, String... settings) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(jvmFlags);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"),
                "-Dserver.port=" + port, "-Dserver.host=127.0.0.1", "-Dhub.data.dir=" + dir,
                "-Dhub.database.url=" + dbUrl, "-Dhub.admin.token=" + TestHub.ADMIN_TOKEN,
                "-Dhub.master.key=" + TestHub.MASTER_KEY, "-Dhub.log.flush.ms=20", "-Dhub.database.pool.size=4"));
        for (String s : settings) {
            cmd.add("-D" + s);
        }
        cmd.add(HubServer.class.getPackageName() + ".Main");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("hub.log").toFile())).start();
        Http http = new Http("http://127.0.0.1:" + port);
        Awaitility.await("the hub process on port " + port).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .ignoreExceptions().until(() -> http.get("/health/ready").status() == 200);
        return p;
    }

    /** Creates a Claude provider on the upstream, a user and a key through the admin API; returns the key's secret. */
    public static String providerAndKey(Http admin, String upstreamUrl) {
        String auth = "Bearer " + TestHub.ADMIN_TOKEN;
        admin.post("/api/v1/providers", Map.of("name", "p", "type", "claude", "baseUrl", upstreamUrl,
                "secret", "sk-process-0123456789abcdef"), "authorization", auth);
        long user = admin.post("/api/v1/users", Map.of("name", "u"), "authorization", auth).json().path("id").asLong();
        return admin.post("/api/v1/keys", Map.of("userId", user, "name", "k"), "authorization", auth)
                .json().path("secret").asText();
    }

    /** Resident memory of a process in MB (Linux). */
    public static long residentMb(Process p) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + p.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    /** Keeps the hub process's output for diagnosis, under target/. */
    public static void keepLog(Path dir, String name) throws IOException {
        Files.copy(dir.resolve("hub.log"), Path.of("target", name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
