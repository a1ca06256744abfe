package dev.cch.server.limits;

/**
 * One spend window of one subject, resolved for "now": where its running total lives and how it behaves.
 *
 * @param kind      which limit it measures
 * @param key       storage key (without the store's prefix)
 * @param mode      how the total is kept
 * @param limitNano the limit in nano-dollars (1e-9 USD); 0 or less means none (the window is still kept up to date)
 * @param lengthMs  window length (rolling windows and fixed-from-first-request windows)
 * @param bucketMs  bucket size of a rolling window
 * @param expireAtMs when a calendar window's counter may be dropped (its end plus slack)
 * @param resetAtMs when a calendar window ends (0 if it depends on stored state)
 */
public record Window(LimitKind kind, String key, Mode mode, long limitNano, long lengthMs, long bucketMs,
                     long expireAtMs, long resetAtMs) {

    /** How a window's total is kept. */
    public enum Mode {
        /** a counter for one calendar period (daily fixed, weekly, monthly) or forever (total) */
        CALENDAR,
        /** a sliding window of buckets (5 h rolling, 24 h rolling) */
        ROLLING,
        /** a counter that starts with the first spend and lasts {@code lengthMs} (5 h fixed) */
        FROM_FIRST
    }

    public boolean limited() {
        return limitNano > 0;
    }
}
