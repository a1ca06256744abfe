package dev.cch.server.state;

import dev.cch.server.limits.LimitKind;

import java.util.List;

/**
 * The order limits are checked in (within each kind, the key before the user): the cheapest, most final answers
 * first, as the original hub does. Both state stores follow it so they refuse with the same limit.
 */
final class CheckOrder {
    static final List<LimitKind> KINDS = List.of(LimitKind.USD_TOTAL, LimitKind.CONCURRENT_SESSIONS, LimitKind.RPM,
            LimitKind.USD_5H, LimitKind.USD_DAILY, LimitKind.USD_WEEKLY, LimitKind.USD_MONTHLY);

    private CheckOrder() {
    }
}
