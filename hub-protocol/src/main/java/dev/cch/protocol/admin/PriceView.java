package dev.cch.protocol.admin;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One model's prices in USD per million tokens (the unit admins think in; stored per token). {@code source} is
 * {@code seed} (shipped), {@code sync} (fetched) or {@code manual} (never overwritten by a sync). Cache prices left
 * null default to 1.25x (5 min write), 2x (1 h write) and 0.1x (read) of the input price.
 */
public record PriceView(long id, String model, String vendor, String source, BigDecimal inputPerMTok,
                        BigDecimal outputPerMTok, BigDecimal cacheWrite5mPerMTok, BigDecimal cacheWrite1hPerMTok,
                        BigDecimal cacheReadPerMTok, Integer longContextThreshold, BigDecimal inputLongPerMTok,
                        BigDecimal outputLongPerMTok, List<String> aliases, Instant updatedAt) {
}
