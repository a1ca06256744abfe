package dev.cch.server.events;

import dev.cch.protocol.admin.LiveEvent;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This node's live events for the admin stream. Publishing never blocks: each subscriber has a bounded queue and
 * an event that does not fit is dropped and counted, so a slow or stuck consumer cannot slow the proxy. Recent events
 * are kept in a ring so that a reconnecting client can resume after its {@code Last-Event-ID} without duplicates.
 */
public final class EventHub {
    private final int ringSize;
    private final int queueSize;
    private final Deque<Numbered> ring = new ArrayDeque<>();
    private final List<Subscription> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicLong dropped = new AtomicLong();
    private long nextId = 1;

    /** An event with its stream id. */
    public record Numbered(long id, LiveEvent event) {
    }

    public EventHub(int ringSize, int queueSize) {
        this.ringSize = ringSize;
        this.queueSize = queueSize;
    }

    public void publish(LiveEvent event) {
        Numbered n;
        synchronized (ring) {
            n = new Numbered(nextId++, event);
            ring.addLast(n);
            if (ring.size() > ringSize) {
                ring.removeFirst();
            }
        }
        for (Subscription s : subscribers) {
            if (!s.queue.offer(n)) {
                s.dropped.incrementAndGet();
                dropped.incrementAndGet();
            }
        }
    }

    /** Subscribes; events after {@code lastEventId} still in the ring are delivered first (0: only new events). */
    public Subscription subscribe(long lastEventId) {
        Subscription s = new Subscription();
        synchronized (ring) {
            if (lastEventId > 0) {
                for (Numbered n : ring) {
                    if (n.id() > lastEventId && !s.queue.offer(n)) {
                        break;
                    }
                }
            }
            subscribers.add(s);
        }
        return s;
    }

    /** Events dropped because a subscriber's queue was full, since start. */
    public long dropped() {
        return dropped.get();
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    /** One consumer's queue. Close it when the consumer goes away. */
    public final class Subscription implements AutoCloseable {
        private final BlockingQueue<Numbered> queue = new ArrayBlockingQueue<>(queueSize);
        private final AtomicLong dropped = new AtomicLong();

        /** The next event, or null after the timeout. */
        public Numbered next(long timeoutMs) throws InterruptedException {
            return queue.poll(timeoutMs, TimeUnit.MILLISECONDS);
        }

        /** Takes whatever is waiting without blocking. */
        public List<Numbered> drain() {
            List<Numbered> out = new ArrayList<>();
            queue.drainTo(out);
            return out;
        }

        public long dropped() {
            return dropped.get();
        }

        @Override
        public void close() {
            subscribers.remove(this);
        }
    }
}
