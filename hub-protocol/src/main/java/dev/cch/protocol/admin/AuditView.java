package dev.cch.protocol.admin;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** One admin action: who, from where, what, and the state before and after (secrets redacted). */
public record AuditView(long id, Instant at, String actor, String actorIp, String action, String targetType,
                        String targetId, String targetName, JsonNode before, JsonNode after, boolean success,
                        String error) {
}
