package dev.cch.server.state;

import dev.cch.server.limits.Subject;
import dev.cch.server.limits.Window;

import java.util.Collection;
import java.util.Map;
import java.util.function.Consumer;

/** A Redis store that deletes every key it made when it is closed, so test runs leave nothing behind. */
final class CleaningStore implements StateStore {
    private final RedisStateStore redis;

    CleaningStore(RedisStateStore redis) {
        this.redis = redis;
    }

    @Override
    public String kind() {
        return redis.kind();
    }

    @Override
    public boolean available() {
        return redis.available();
    }

    @Override
    public Admission admit(AdmitRequest request) {
        return redis.admit(request);
    }

    @Override
    public void settle(Settlement settlement) {
        redis.settle(settlement);
    }

    @Override
    public BreakerState recordFailure(long providerId, BreakerConfig config, long nowMs) {
        return redis.recordFailure(providerId, config, nowMs);
    }

    @Override
    public Map<Long, BreakerState> breakers(Collection<Long> providerIds, long nowMs) {
        return redis.breakers(providerIds, nowMs);
    }

    @Override
    public void resetBreaker(long providerId) {
        redis.resetBreaker(providerId);
    }

    @Override
    public Map<String, Long> countAuthFailure(Map<String, Integer> thresholds, long windowMs, long lockMs, long nowMs) {
        return redis.countAuthFailure(thresholds, windowMs, lockMs, nowMs);
    }

    @Override
    public Map<String, Long> authLocks(Collection<String> ids, long nowMs) {
        return redis.authLocks(ids, nowMs);
    }

    @Override
    public Usage usage(Subject subject, Collection<Window> windows, long sessionTtlMs, long nowMs) {
        return redis.usage(subject, windows, sessionTtlMs, nowMs);
    }

    @Override
    public void endSession(String scopedSessionId, Collection<Subject> holders) {
        redis.endSession(scopedSessionId, holders);
    }

    @Override
    public void publish(String channel, String message) {
        redis.publish(channel, message);
    }

    @Override
    public void subscribe(String channel, Consumer<String> listener) {
        redis.subscribe(channel, listener);
    }

    @Override
    public void close() {
        redis.deleteAll();
        redis.close();
    }
}
