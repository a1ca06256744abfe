package dev.cch.protocol.admin;

import java.math.BigDecimal;
import java.time.Instant;

/** A coding session active in the last few minutes, with what it used since it began. */
public record SessionView(String sessionId, long keyId, String keyName, Long userId, String userName, Long providerId,
                          String providerName, long requests, long tokens, BigDecimal costUsd, Instant firstSeen,
                          Instant lastActivity) {
}
