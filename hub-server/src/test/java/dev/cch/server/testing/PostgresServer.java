package dev.cch.server.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A PostgreSQL server of a test's own (the embedded binaries the hub ships with) on a spare loopback port, which the
 * test may stop and start again on the same data: an outage the shared server at 5432 must never suffer.
 */
public final class PostgresServer implements AutoCloseable {
    private final int port;
    private final Path dir;
    private EmbeddedPostgres pg;

    public PostgresServer() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            this.port = s.getLocalPort();
        }
        this.dir = Files.createTempDirectory("cch-pg-");
        start();
    }

    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public synchronized void start() throws IOException {
        pg = EmbeddedPostgres.builder().setPort(port).setDataDirectory(dir).setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "127.0.0.1").start();
    }

    /** Stops the server (fast shutdown: open connections are cut, as in an outage). */
    public synchronized void stop() throws IOException {
        pg.close();
        pg = null;
    }

    @Override
    public synchronized void close() throws IOException {
        if (pg != null) {
            pg.close();
        }
        TestHub.deleteTree(dir);
    }
}
