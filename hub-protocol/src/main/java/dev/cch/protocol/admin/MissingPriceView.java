package dev.cch.protocol.admin;

import java.time.Instant;

/** A model that was requested but has no price: its requests were logged with cost 0. */
public record MissingPriceView(String model, long requests, Instant lastSeen) {
}
