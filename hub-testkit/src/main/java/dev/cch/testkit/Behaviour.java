package dev.cch.testkit;

import java.time.Duration;

/**
 * How the fake upstream answers one request: normally, or with a fault. Built with the static factories and
 * refined with the {@code with...} methods.
 *
 * @param fault         which fault to inject, {@link Fault#NONE} for a normal answer
 * @param status        the status for {@link Fault#STATUS}
 * @param headerDelay   wait before the response headers (latency)
 * @param eventInterval wait between stream events (chunk pacing)
 * @param faultAfter    for stream faults: how many events go out before the fault
 * @param reply         what to answer; null derives a reply from the request
 * @param stallAfter    a stream goes quiet once, for {@code stall}, after this many events (0: never)
 */
public record Behaviour(Fault fault, int status, Duration headerDelay, Duration eventInterval, int faultAfter,
                        Reply reply, int stallAfter, Duration stall) {

    /** The faults the fake can inject. */
    public enum Fault {
        NONE,
        /** answer with {@code status} and an error body of the protocol */
        STATUS,
        /** accept the request and never send headers (until the fake is closed) */
        HANG,
        /** send {@code faultAfter} events, then drop the connection without ending the stream */
        RESET_MID_STREAM,
        /** send frames that are not valid SSE/JSON */
        MALFORMED_SSE,
        /** status 200 with an HTML page */
        HTML_200,
        /** status 200 with an empty body */
        EMPTY_200,
        /** status 200 with a JSON error body */
        ERROR_JSON_200,
        /** status 200 stream that ends before any content event */
        EMPTY_STREAM,
        /** status 200 stream that reports an error event before any content */
        ERROR_EVENT_BEFORE_CONTENT
    }

    public Behaviour {
        headerDelay = headerDelay == null ? Duration.ZERO : headerDelay;
        eventInterval = eventInterval == null ? Duration.ZERO : eventInterval;
        stall = stall == null ? Duration.ZERO : stall;
    }

    public Behaviour(Fault fault, int status, Duration headerDelay, Duration eventInterval, int faultAfter, Reply reply) {
        this(fault, status, headerDelay, eventInterval, faultAfter, reply, 0, Duration.ZERO);
    }

    /** The stream pauses once, for {@code d}, after {@code events} events (a model thinking mid-answer). */
    public Behaviour withStallAfter(int events, Duration d) {
        return new Behaviour(fault, status, headerDelay, eventInterval, faultAfter, reply, events, d);
    }

    public static Behaviour ok() {
        return new Behaviour(Fault.NONE, 200, Duration.ZERO, Duration.ZERO, 0, null);
    }

    public static Behaviour reply(Reply reply) {
        return ok().withReply(reply);
    }

    public static Behaviour status(int status) {
        return new Behaviour(Fault.STATUS, status, Duration.ZERO, Duration.ZERO, 0, null);
    }

    public static Behaviour fault(Fault fault) {
        return new Behaviour(fault, 200, Duration.ZERO, Duration.ZERO, 0, null);
    }

    public static Behaviour hang() {
        return fault(Fault.HANG);
    }

    public static Behaviour resetAfter(int events) {
        return new Behaviour(Fault.RESET_MID_STREAM, 200, Duration.ZERO, Duration.ZERO, events, null);
    }

    /** A slow model: every stream event waits {@code interval}. */
    public static Behaviour drip(Duration interval) {
        return ok().withEventInterval(interval);
    }

    public Behaviour withHeaderDelay(Duration d) {
        return new Behaviour(fault, status, d, eventInterval, faultAfter, reply, stallAfter, stall);
    }

    public Behaviour withEventInterval(Duration d) {
        return new Behaviour(fault, status, headerDelay, d, faultAfter, reply, stallAfter, stall);
    }

    public Behaviour withReply(Reply r) {
        return new Behaviour(fault, status, headerDelay, eventInterval, faultAfter, r, stallAfter, stall);
    }
}
