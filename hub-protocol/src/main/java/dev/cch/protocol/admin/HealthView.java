package dev.cch.protocol.admin;

import java.util.Map;

/**
 * Health of a hub: {@code status} is {@code up}, {@code degraded} (Redis down: limits fail open) or {@code down}
 * (database unreachable); {@code ready} is false while starting or draining.
 */
public record HealthView(String status, boolean ready, String version, Map<String, String> checks) {
}
