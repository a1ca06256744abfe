package dev.cch.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The processes of the proxy benchmark (fast upstream, bare relay, hub), each its own JVM, with their CPU and memory. */
final class BenchProcesses implements AutoCloseable {
    private static final String CP = "bench/target/classes:bench/target/libs/*";
    private final Path logs;
    private final Map<String, Process> running = new LinkedHashMap<>();

    BenchProcesses(Path logs) {
        this.logs = logs;
    }

    int upstream() throws Exception {
        int port = SoakBench.freePort();
        // room for 200 KB bodies in flight: a small heap makes the fake, not the hub, the source of p99 outliers
        start("direct", List.of("-XX:+UseSerialGC", "-Xms512m", "-Xmx1g", "-cp", CP, "dev.cch.bench.FastUpstream",
                String.valueOf(port)));
        awaitPort(port);
        return port;
    }

    int relay(int upstreamPort, List<String> flags) throws Exception {
        int port = SoakBench.freePort();
        List<String> cmd = new ArrayList<>(flags);
        cmd.addAll(List.of("-cp", CP, "dev.cch.bench.BareRelay", String.valueOf(port), "http://127.0.0.1:" + upstreamPort));
        start("relay", cmd);
        awaitPort(port);
        return port;
    }

    int hub(List<String> flags, List<String> properties) throws Exception {
        int port = SoakBench.freePort();
        List<String> cmd = new ArrayList<>(flags);
        cmd.add("-cp");
        cmd.add(CP);
        cmd.addAll(properties);
        cmd.addAll(List.of("-Dserver.port=" + port, "-Dserver.host=127.0.0.1", "dev.cch.server.Main"));
        start("hub", cmd);
        HttpClient http = HttpClient.newHttpClient();
        long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < until) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return port;
                }
            } catch (IOException e) {
                // not up yet
            }
            if (!running.get("hub").isAlive()) {
                break;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the hub did not start; see " + logs.resolve("hub.log"));
    }

    private void start(String name, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(args);
        running.put(name, new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile()).start());
    }

    private void awaitPort(int port) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < until) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("nothing listens on " + port + "; logs in " + logs);
    }

    long pid(String name) {
        return running.get(name).pid();
    }

    /** User plus system CPU time of a process so far, in seconds (from /proc/pid/stat, clock ticks of 1/100 s). */
    double cpuSeconds(String name) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid(name) + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime and stime: fields 14 and 15
    }

    /** CPU seconds used so far by every PostgreSQL and Redis server process on the machine (the shared services). */
    static double servicesCpuSeconds() throws IOException {
        double total = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (comm.startsWith("postgres") || comm.startsWith("redis-server")) {
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        total += (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended while the list was read
                }
            }
        }
        return total;
    }

    /** Methods the process's JIT has compiled so far ({@code jstat -compiler}), to tell when warm-up is over. */
    long compiledMethods(String name) throws IOException, InterruptedException {
        Path jstat = Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("jstat");
        Process p = new ProcessBuilder(jstat.toString(), "-compiler", Long.toString(pid(name))).redirectErrorStream(true).start();
        List<String> lines = new String(p.getInputStream().readAllBytes()).lines().toList();
        p.waitFor();
        if (lines.size() < 2) {
            throw new IOException("jstat -compiler answered: " + lines);
        }
        return Long.parseLong(lines.get(1).trim().split("\\s+")[0]);
    }

    long rssMb(String name) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid(name) + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : running.values()) {
            p.destroy(); // SIGTERM: the hub drains and flushes its log, JFR writes its recording
        }
        for (Process p : running.values()) {
            p.waitFor();
        }
    }
}
