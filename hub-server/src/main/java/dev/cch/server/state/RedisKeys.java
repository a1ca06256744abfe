package dev.cch.server.state;

import dev.cch.server.limits.Subject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Redis key names. All share one hash tag ({@code {hub}}), so every multi-key script runs on a single node of a
 * Redis Cluster. {@link Collector} gathers the keys of one script call into its KEYS list and hands out the
 * (1-based) indexes the script's JSON refers to.
 */
final class RedisKeys {
    private final String prefix;

    RedisKeys(String prefix) {
        this.prefix = prefix + "{hub}:";
    }

    String prefix() {
        return prefix;
    }

    String of(String suffix) {
        return prefix + suffix;
    }

    String rpm(Subject s) {
        return prefix + "rpm:" + s.tag();
    }

    String sessions(Subject s) {
        return prefix + "sessions:" + s.kind().tag() + ":" + s.id();
    }

    String inflight(String session) {
        return prefix + "inflight:" + session;
    }

    String binding(String session) {
        return prefix + "bind:" + session;
    }

    String breaker(long providerId) {
        return prefix + "brk:" + providerId;
    }

    /** Failed authentications of one id ({@code key:<sha-256>} or {@code ip:<address>}) and its lock. */
    String authFailures(String id) {
        return prefix + "auth:" + id;
    }

    /** The KEYS of one script call. */
    static final class Collector {
        private final List<String> keys = new ArrayList<>();
        private final Map<String, Integer> index = new HashMap<>();

        int add(String key) {
            return index.computeIfAbsent(key, k -> {
                keys.add(k);
                return keys.size();
            });
        }

        String[] keys() {
            return keys.toArray(String[]::new);
        }
    }
}
