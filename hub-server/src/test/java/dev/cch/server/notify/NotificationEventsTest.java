package dev.cch.server.notify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cch.server.testing.FakeReceiver;
import dev.cch.server.testing.MutableClock;
import dev.cch.server.testing.TestDatabase;
import dev.cch.server.testing.TestHub;
import dev.cch.testkit.Behaviour;
import dev.cch.testkit.FakeUpstream;
import dev.cch.testkit.Reply;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notification events raised by real traffic through a real hub (real PostgreSQL, fake upstreams, a loopback
 * receiver): a breaker that opens, a user whose spend crosses the alert threshold, the daily leaderboard at its
 * time on a hand-moved clock, and retries of deliveries that fail. Each is sent once.
 */
class NotificationEventsTest {
    /** Day one is the day after tomorrow (UTC) on the machine's clock: never a calendar date that will pass. */
    static final LocalDate DAY_ONE_DATE = LocalDate.now(ZoneOffset.UTC).plusDays(2);
    static final Instant DAY_ONE = at(DAY_ONE_DATE, "10:00");
    static final MutableClock CLOCK = new MutableClock(DAY_ONE);
    static TestHub hub;
    static FakeUpstream down;
    static FakeReceiver receiver;
    static Notifications notifications;

    @BeforeAll
    static void start() {
        down = FakeUpstream.start("notify-down").defaultBehaviour(Behaviour.status(503));
        receiver = FakeReceiver.start();
        hub = TestHub.start(TestDatabase.create(), true, Map.of("hub.notify.retry.ms", "20",
                "hub.notify.tick.ms", "3600000", "hub.failover.delay.ms", "0"), CLOCK);
        notifications = hub.resource(Notifications.class);
    }

    @AfterAll
    static void stop() {
        hub.close();
        down.close();
        receiver.close();
    }

    static Instant at(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).toInstant(ZoneOffset.UTC);
    }

    @BeforeEach
    void backToDayOne() {
        CLOCK.set(DAY_ONE);
    }

    /** A user in a provider group of its own, served by one provider; returns the user's key. */
    static String groupWithUser(String group, String baseUrl, Map<String, Object> providerExtra, Map<String, Object> limits) {
        hub.createProvider(group + "-provider", "claude", baseUrl, p -> {
            p.put("groupTags", List.of(group));
            p.putAll(providerExtra);
            return p;
        });
        long user = hub.createUser(Map.of("name", group + "-user", "providerGroup", group, "limits", limits));
        return hub.createKey(user);
    }

    static long webhook(String name, String url, String event, Map<String, Object> extra) {
        Map<String, Object> w = new HashMap<>(Map.of("name", name, "kind", "json", "url", url, "events", List.of(event)));
        w.putAll(extra);
        return TestHub.expect(hub.admin("POST", "/api/v1/webhooks", w), 201).path("id").asLong();
    }

    static int send(String key) {
        return hub.proxy().post("/v1/messages", Map.of("model", "claude-sonnet-4-5", "max_tokens", 16,
                "messages", List.of(Map.of("role", "user", "content", "hi"))), "x-api-key", key).status();
    }

    /** Waits until every request has finished (listeners included) and all notification work is done. */
    static void awaitQuiet() {
        Awaitility.await("requests finished and notifications delivered").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> hub.server().parts().inFlight().count() == 0 && notifications.queueDepth() == 0);
    }

    static Predicate<FakeReceiver.Received> at(String path, String field, String value) {
        return r -> r.path().equals(path) && r.json().path("data").path(field).asText().equals(value);
    }

    static Map<String, Object> breakerOfOne() {
        return Map.of("breaker", Map.of("failureThreshold", 1, "openDurationMs", 600_000, "halfOpenSuccesses", 1));
    }

    @Test
    void aBreakerOpenedByFailingTrafficIsAnnouncedOnce() {
        webhook("breakers", receiver.url("/breaker"), "breaker_open", Map.of());
        String key = groupWithUser("brk", down.baseUrl(), breakerOfOne(), Map.of());

        assertThat(send(key)).isGreaterThanOrEqualTo(500);
        JsonNode sent = receiver.await(1, at("/breaker", "provider", "brk-provider")).getFirst().json();
        assertThat(sent.path("event").asText()).isEqualTo("breaker_open");
        assertThat(sent.path("title").asText()).isEqualTo("Circuit breaker opened: brk-provider");
        assertThat(sent.path("data").path("failures").asInt()).isEqualTo(1);
        assertThat(Instant.parse(sent.path("data").path("retryAt").asText())).isEqualTo(DAY_ONE.plus(Duration.ofMinutes(10)));

        // while the breaker is open the provider is skipped: no new transition, no new message
        assertThat(send(key)).isGreaterThanOrEqualTo(500);
        assertThat(send(key)).isGreaterThanOrEqualTo(500);
        awaitQuiet();
        assertThat(receiver.received(at("/breaker", "provider", "brk-provider"))).hasSize(1);
    }

    @Test
    void aSpendAlertFiresOnceWhenSpendCrossesTheThresholdAndNotAgainInTheWindow() {
        // each request: 1,000 input tokens of claude-sonnet-4-5 at $3 per million = $0.003; the limit is $0.01 a day
        try (FakeUpstream priced = FakeUpstream.start("notify-priced")) {
            priced.defaultBehaviour(Behaviour.reply(new Reply(List.of(new Reply.Text("ok")), "end_turn", 1000, 0, 0, 0)));
            webhook("spend", receiver.url("/spend"), "spend_alert", Map.of("spendThreshold", 0.5));
            String key = groupWithUser("spend", priced.baseUrl(), Map.of(), Map.of("usdDaily", 0.01));
            Predicate<FakeReceiver.Received> alerts = at("/spend", "name", "spend-user");

            assertThat(send(key)).isEqualTo(200);
            awaitQuiet();
            assertThat(receiver.received(alerts)).as("30% of the limit is below the threshold").isEmpty();

            assertThat(send(key)).isEqualTo(200);
            JsonNode alert = receiver.await(1, alerts).getFirst().json();
            assertThat(alert.path("event").asText()).isEqualTo("spend_alert");
            JsonNode data = alert.path("data");
            assertThat(data.path("subject").asText()).isEqualTo("user");
            assertThat(data.path("window").asText()).isEqualTo("usd_daily");
            assertThat(data.path("spentUsd").decimalValue()).isEqualByComparingTo("0.006");
            assertThat(data.path("limitUsd").decimalValue()).isEqualByComparingTo("0.01");
            assertThat(data.path("threshold").decimalValue()).isEqualByComparingTo("0.5");
            assertThat(alert.path("title").asText()).isEqualTo("Spend alert: user spend-user at 60% of its daily limit");

            assertThat(send(key)).isEqualTo(200);
            assertThat(send(key)).isEqualTo(200);
            assertThat(send(key)).as("the limit itself still refuses").isEqualTo(402);
            awaitQuiet();
            assertThat(receiver.received(alerts)).hasSize(1);
            assertThat(hub.db().number("SELECT count(*) FROM notifications_sent WHERE dedup_key LIKE 'spend:%'")).isEqualTo(1);
        }
    }

    @Test
    void theDailyLeaderboardPostsYesterdaysTopUsersAtItsTimeOnce() {
        // 100,000 input tokens of claude-sonnet-4-5 = $0.30 a request: the top spender of day one
        try (FakeUpstream busy = FakeUpstream.start("notify-busy")) {
            busy.defaultBehaviour(Behaviour.reply(new Reply(List.of(new Reply.Text("ok")), "end_turn", 100_000, 0, 0, 0)));
            String key = groupWithUser("daily", busy.baseUrl(), Map.of(), Map.of());
            long before = hub.db().number("SELECT count(*) FROM request_log");
            assertThat(send(key)).isEqualTo(200);
            assertThat(send(key)).isEqualTo(200);
            hub.awaitLogRows(before + 2);
            long id = webhook("daily", receiver.url("/daily"), "daily_leaderboard", Map.of("dailyAt", "09:00"));
            Predicate<FakeReceiver.Received> boards = r -> r.path().equals("/daily");

            CLOCK.set(at(DAY_ONE_DATE.plusDays(1), "08:59"));
            notifications.tick();
            awaitQuiet();
            assertThat(receiver.received(boards)).as("not before 09:00").isEmpty();

            CLOCK.set(at(DAY_ONE_DATE.plusDays(1), "09:00"));
            notifications.tick();
            JsonNode board = receiver.await(1, boards).getFirst().json();
            assertThat(board.path("event").asText()).isEqualTo("daily_leaderboard");
            assertThat(board.path("title").asText()).isEqualTo("Daily leaderboard " + DAY_ONE_DATE);
            JsonNode top = board.path("data").path("rows").get(0);
            assertThat(top.path("name").asText()).isEqualTo("daily-user");
            assertThat(top.path("requests").asLong()).isEqualTo(2);
            assertThat(top.path("costUsd").decimalValue()).isEqualByComparingTo("0.6");
            assertThat(board.path("text").asText()).contains("1. daily-user: $0.6000, 2 requests");

            notifications.tick();
            CLOCK.set(at(DAY_ONE_DATE.plusDays(1), "09:30"));
            notifications.tick();
            awaitQuiet();
            assertThat(receiver.received(boards)).as("once a day").hasSize(1);
            assertThat(hub.db().number("SELECT count(*) FROM notifications_sent WHERE dedup_key = 'leaderboard:" + id
                    + ":" + DAY_ONE_DATE.plusDays(1) + "'")).isEqualTo(1);
        }
    }

    @Test
    void failedDeliveriesAreRetriedWithBackoffUntilTheyGetThroughOrTheAttemptsRunOut() {
        try (FakeReceiver flaky = FakeReceiver.start(); FakeReceiver broken = FakeReceiver.start();
             FakeReceiver refusing = FakeReceiver.start()) {
            flaky.failNext(2, 500);
            broken.failNext(100, 503);
            refusing.failNext(100, 400);
            long recovers = webhook("flaky", flaky.url("/retry"), "breaker_open", Map.of());
            long givesUp = webhook("broken", broken.url("/retry"), "breaker_open", Map.of());
            long refused = webhook("refusing", refusing.url("/retry"), "breaker_open", Map.of());
            String key = groupWithUser("retry", down.baseUrl(), breakerOfOne(), Map.of());

            assertThat(send(key)).isGreaterThanOrEqualTo(500);
            flaky.await(3, r -> true);
            broken.await(3, r -> true);
            refusing.await(1, r -> true);
            awaitQuiet();
            assertThat(flaky.received()).hasSize(3);
            assertThat(broken.received()).as("three attempts, then it gives up").hasSize(3);
            assertThat(refusing.received()).as("a 400 will not get better by trying again").hasSize(1);
            assertThat(lastResult(recovers)).isEqualTo("success: HTTP 200 (attempt 3)");
            assertThat(lastResult(givesUp)).startsWith("failure: HTTP 503").endsWith("(attempt 3)");
            assertThat(lastResult(refused)).startsWith("failure: HTTP 400").doesNotContain("attempt");
        }
    }

    static String lastResult(long webhookId) {
        return TestHub.expect(hub.admin("GET", "/api/v1/webhooks/" + webhookId, null), 200).path("lastResult").asText();
    }
}
