package dev.cch.server.web;

import dev.cch.server.upstream.Watchdog;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1ConnectionListener;

import java.time.Duration;

/**
 * A request's headers must arrive within a deadline of its request line, or its connection is cut: a client that
 * trickles header lines (slowloris) would otherwise hold its connection for as long as it likes, because a socket
 * read timeout restarts with every byte. Helidon calls these hooks on the connection's own thread, so the deadline
 * interrupts that thread, which closes its socket. (Before a request line, Helidon's idle-connection timeout applies.)
 */
public final class HeaderDeadline implements Http1ConnectionListener {
    private final Watchdog watchdog;
    private final long timeoutNanos;
    private final ThreadLocal<Watchdog.Watch> pending = new ThreadLocal<>();

    public HeaderDeadline(Watchdog watchdog, Duration timeout) {
        this.watchdog = watchdog;
        this.timeoutNanos = timeout.toNanos();
    }

    @Override
    public void prologue(ConnectionContext ctx, HttpPrologue prologue) {
        pending.set(watchdog.watch(timeoutNanos, "headers", Thread.currentThread()::interrupt));
    }

    @Override
    public void headers(ConnectionContext ctx, Headers headers) {
        Watchdog.Watch w = pending.get();
        if (w != null) {
            pending.remove();
            if (w.disarm()) {
                Thread.interrupted(); // fired just as the headers completed: the request goes on
            }
        }
    }
}
