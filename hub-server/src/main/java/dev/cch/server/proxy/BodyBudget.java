package dev.cch.server.proxy;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of request bodies the hub holds at once, across all requests. Body buffers grow only by reserving here
 * first, so however many callers send large bodies together, their buffers never pass the budget: past it a request
 * is answered 503 (retry shortly) instead of the heap running out.
 */
public final class BodyBudget {
    private final long limit;
    private final AtomicLong held = new AtomicLong();

    public BodyBudget(long limit) {
        this.limit = limit;
    }

    /** Takes {@code bytes} from the budget if they fit; false (and nothing taken) if not. */
    boolean tryReserve(long bytes) {
        long now;
        do {
            now = held.get();
            if (now + bytes > limit) {
                return false;
            }
        } while (!held.compareAndSet(now, now + bytes));
        return true;
    }

    void release(long bytes) {
        held.addAndGet(-bytes);
    }

    /** Bytes of request bodies held right now. */
    public long held() {
        return held.get();
    }

    public long limit() {
        return limit;
    }
}
