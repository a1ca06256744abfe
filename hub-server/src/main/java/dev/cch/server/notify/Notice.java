package dev.cch.server.notify;

import dev.cch.protocol.admin.LeaderboardView;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a notification says, before any channel shapes it: its event, a title, lines of text, and the same facts as
 * data for the generic JSON channel. Never carries a secret.
 */
public sealed interface Notice {
    String BREAKER_OPEN = "breaker_open";
    String SPEND_ALERT = "spend_alert";
    String DAILY_LEADERBOARD = "daily_leaderboard";
    String TEST = "test";

    String event();

    String title();

    List<String> lines();

    Map<String, Object> facts();

    /** A provider's circuit breaker opened: requests skip it until {@code retryAt}. */
    record BreakerOpened(long providerId, String provider, int failures, Instant retryAt) implements Notice {
        @Override
        public String event() {
            return BREAKER_OPEN;
        }

        @Override
        public String title() {
            return "Circuit breaker opened: " + provider;
        }

        @Override
        public List<String> lines() {
            return List.of("Provider: " + provider + " (#" + providerId + ")", "Failures: " + failures,
                    "Requests skip it until: " + retryAt);
        }

        @Override
        public Map<String, Object> facts() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("providerId", providerId);
            m.put("provider", provider);
            m.put("failures", failures);
            m.put("retryAt", retryAt.toString());
            return m;
        }
    }

    /**
     * A user's or key's spend in one window reached {@code threshold} of its limit.
     *
     * @param subject {@code user} or {@code key}
     * @param window  the limit's wire name, e.g. {@code usd_daily}
     */
    record SpendAlert(String subject, long subjectId, String name, String window, BigDecimal spentUsd,
                      BigDecimal limitUsd, BigDecimal threshold, Instant resetsAt) implements Notice {
        @Override
        public String event() {
            return SPEND_ALERT;
        }

        @Override
        public String title() {
            return "Spend alert: " + subject + " " + name + " at " + percent(spentUsd.divide(limitUsd, 4, RoundingMode.HALF_UP))
                    + " of its " + windowName() + " limit";
        }

        @Override
        public List<String> lines() {
            List<String> l = new ArrayList<>(List.of(
                    capitalised(subject) + ": " + name + " (#" + subjectId + ")",
                    "Spent: " + usd(spentUsd) + " of " + usd(limitUsd) + " (" + windowName() + ")",
                    "Alert threshold: " + percent(threshold)));
            if (resetsAt != null) {
                l.add("Window resets: " + resetsAt);
            }
            return l;
        }

        @Override
        public Map<String, Object> facts() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("subject", subject);
            m.put("subjectId", subjectId);
            m.put("name", name);
            m.put("window", window);
            m.put("spentUsd", spentUsd);
            m.put("limitUsd", limitUsd);
            m.put("threshold", threshold);
            m.put("resetsAt", resetsAt == null ? null : resetsAt.toString());
            return m;
        }

        private String windowName() {
            return switch (window) {
                case "usd_5h" -> "5-hour";
                case "usd_daily" -> "daily";
                case "usd_weekly" -> "weekly";
                case "usd_monthly" -> "monthly";
                default -> "total";
            };
        }
    }

    /** The top users of one day by cost. */
    record DailyLeaderboard(LocalDate day, String zone, List<LeaderboardView.Row> rows) implements Notice {
        @Override
        public String event() {
            return DAILY_LEADERBOARD;
        }

        @Override
        public String title() {
            return "Daily leaderboard " + day;
        }

        @Override
        public List<String> lines() {
            List<String> l = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                LeaderboardView.Row r = rows.get(i);
                l.add((i + 1) + ". " + r.name() + ": " + usd(r.figures().costUsd()) + ", " + r.figures().requests()
                        + " requests, " + r.figures().totalTokens() + " tokens");
            }
            if (rows.isEmpty()) {
                l.add("No traffic on " + day + ".");
            }
            BigDecimal total = rows.stream().map(r -> r.figures().costUsd()).reduce(BigDecimal.ZERO, BigDecimal::add);
            l.add("Top " + rows.size() + " total: " + usd(total) + " (" + zone + ")");
            return l;
        }

        @Override
        public Map<String, Object> facts() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("date", day.toString());
            m.put("zone", zone);
            m.put("rows", rows.stream().map(r -> Map.of("userId", r.key(), "name", r.name(),
                    "costUsd", r.figures().costUsd(), "requests", r.figures().requests(),
                    "tokens", r.figures().totalTokens())).toList());
            return m;
        }
    }

    /** A message an admin asked for, to check a target works. */
    record Test(String target) implements Notice {
        @Override
        public String event() {
            return TEST;
        }

        @Override
        public String title() {
            return "Test notification from Claude Code Hub";
        }

        @Override
        public List<String> lines() {
            return List.of("Target: " + target, "If you can read this, notifications reach this target.");
        }

        @Override
        public Map<String, Object> facts() {
            return Map.of("target", target);
        }
    }

    private static String usd(BigDecimal v) {
        return "$" + v.setScale(4, RoundingMode.HALF_UP).toPlainString();
    }

    private static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(0, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
