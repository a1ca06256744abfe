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
 * A hub in a process of its own (the test's classpath, a free port, the test admin token and master key), for what an
 * in-process hub cannot show: kill -9, a small heap, the process's resident memory. Its output goes to hub.log in
 * its data directory.
 */
public final class HubProcess implements AutoCloseable {
    private final Process process;
    private final int port;

    private HubProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts a hub on {@code dataDir} and {@code dbUrl} and waits until it is ready. */
    public static HubProcess start(Path dataDir, String dbUrl, List<String> jvmFlags, Map<String, String> settings)
            throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(jvmFlags);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "-Dserver.port=" + port, "-Dserver.host=127.0.0.1",
                "-Dhub.data.dir=" + dataDir, "-Dhub.database.url=" + dbUrl, "-Dhub.admin.token=" + TestHub.ADMIN_TOKEN,
                "-Dhub.master.key=" + TestHub.MASTER_KEY));
        settings.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add(HubServer.class.getPackageName() + ".Main");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("hub.log").toFile())).start();
        HubProcess hub = new HubProcess(p, port);
        Awaitility.await("the hub process on port " + port).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .ignoreExceptions().until(() -> hub.http().get("/health/ready").status() == 200);
        return hub;
    }

    public int port() {
        return port;
    }

    public Http http() {
        return new Http("http://127.0.0.1:" + port);
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Resident memory of the process in MB (Linux). */
    public long residentMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    /** Kills the process (SIGKILL) and waits for it to go. */
    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
