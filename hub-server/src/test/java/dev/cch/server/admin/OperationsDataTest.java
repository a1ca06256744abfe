package dev.cch.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cch.server.testing.Http;
import dev.cch.server.testing.TestHub;
import dev.cch.testkit.Behaviour;
import dev.cch.testkit.FakeUpstream;
import dev.cch.testkit.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Statistics, leaderboards and the request log API over traffic that really went through the hub: the rollup the
 * database keeps must agree with the raw log, filters must filter, cursors must page without gaps or repeats.
 */
class OperationsDataTest {
    static TestHub hub;
    static FakeUpstream upstream;
    static String aliceKey;
    static String bobKey;
    static long alice;
    static long bob;
    static long provider;

    @BeforeAll
    static void start() {
        upstream = FakeUpstream.start("ops");
        hub = TestHub.start();
        provider = hub.createProvider("ops-claude", "claude", upstream.baseUrl());
        alice = hub.createUser("alice");
        bob = hub.createUser("bob");
        aliceKey = hub.createKey(alice);
        bobKey = hub.createKey(bob);
        // alice: 5 sonnet requests, 1 failing with a client error; bob: 2 haiku requests
        for (int i = 0; i < 4; i++) {
            upstream.enqueue(Behaviour.reply(new Reply(List.of(new Reply.Text("ok")), "end_turn", 1000, 100, 3000, 0)));
            send(aliceKey, "claude-sonnet-4-5", "s-alice-" + (i % 2));
        }
        upstream.enqueue(Behaviour.status(400));
        send(aliceKey, "claude-sonnet-4-5", "s-alice-0");
        for (int i = 0; i < 2; i++) {
            upstream.enqueue(Behaviour.reply(new Reply(List.of(new Reply.Text("ok")), "end_turn", 200, 50, 0, 0)));
            send(bobKey, "claude-haiku-4-5", "s-bob");
        }
        hub.awaitLogRows(7);
    }

    static void send(String key, String model, String session) {
        hub.proxy().post("/v1/messages", Map.of("model", model, "max_tokens", 32,
                        "messages", List.of(Map.of("role", "user", "content", "hello"))),
                "x-api-key", key, "anthropic-version", "2023-06-01", "x-claude-code-session-id", session);
    }

    @AfterAll
    static void stop() {
        hub.close();
        upstream.close();
    }

    @Test
    void overviewCountsTodaysTrafficFromTheRollupAndAgreesWithTheRawLog() {
        JsonNode today = TestHub.expect(hub.admin("GET", "/api/v1/stats/overview", null), 200).path("today");
        assertThat(today.path("requests").asLong()).isEqualTo(7);
        assertThat(today.path("errors").asLong()).isEqualTo(1);
        assertThat(today.path("inputTokens").asLong()).isEqualTo(hub.db().number("SELECT sum(input_tokens) FROM request_log"));
        assertThat(today.path("cacheReadTokens").asLong()).isEqualTo(12_000);
        BigDecimal rawCost = new BigDecimal(hub.db().number("SELECT (sum(cost_usd) * 1e12)::bigint FROM request_log"))
                .movePointLeft(12);
        assertThat(today.path("costUsd").decimalValue()).isEqualByComparingTo(rawCost);
        assertThat(rawCost).isPositive();
        assertThat(today.path("avgLatencyMs").isNumber()).isTrue();
    }

    @Test
    void leaderboardRanksUsersByCostWithCacheHitRate() {
        JsonNode rows = TestHub.expect(hub.admin("GET", "/api/v1/stats/leaderboard?by=user&period=today", null), 200)
                .path("rows");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).path("name").asText()).isEqualTo("alice");
        assertThat(rows.get(0).path("figures").path("requests").asLong()).isEqualTo(5);
        assertThat(rows.get(1).path("name").asText()).isEqualTo("bob");
        // alice read 12,000 cached tokens against 4,000 fresh input ones (the failed request has no usage)
        assertThat(rows.get(0).path("cacheHitRate").asDouble()).isCloseTo(0.75, org.assertj.core.data.Offset.offset(0.001));
        assertThat(rows.get(1).path("cacheHitRate").asDouble()).isZero();

        JsonNode models = TestHub.expect(hub.admin("GET", "/api/v1/stats/leaderboard?by=model&period=month", null), 200)
                .path("rows");
        List<String> names = new ArrayList<>();
        models.forEach(r -> names.add(r.path("key").asText()));
        assertThat(names).containsExactly("claude-sonnet-4-5", "claude-haiku-4-5");
    }

    @Test
    void seriesIsHourlyTodayAndDailyOverSevenDays() {
        JsonNode hourly = TestHub.expect(hub.admin("GET", "/api/v1/stats/series?range=today&by=provider", null), 200);
        assertThat(hourly.path("bucket").asText()).isEqualTo("hour");
        long total = 0;
        for (JsonNode p : hourly.path("points")) {
            assertThat(p.path("name").asText()).isEqualTo("ops-claude");
            total += p.path("figures").path("requests").asLong();
        }
        assertThat(total).isEqualTo(7);
        JsonNode daily = TestHub.expect(hub.admin("GET", "/api/v1/stats/series?range=7d&by=key", null), 200);
        assertThat(daily.path("bucket").asText()).isEqualTo("day");
        assertThat(daily.path("points")).hasSize(2);
    }

    @Test
    void seriesKeepsTheTopSubjectsAndSumsTheRestIntoOther() {
        JsonNode all = TestHub.expect(hub.admin("GET", "/api/v1/stats/series?range=7d&by=key", null), 200);
        JsonNode richest = null;
        long requests = 0;
        for (JsonNode p : all.path("points")) {
            requests += p.path("figures").path("requests").asLong();
            if (richest == null || p.path("figures").path("costUsd").decimalValue()
                    .compareTo(richest.path("figures").path("costUsd").decimalValue()) > 0) {
                richest = p;
            }
        }
        JsonNode top = TestHub.expect(hub.admin("GET", "/api/v1/stats/series?range=7d&by=key&top=1", null), 200);
        assertThat(top.path("points")).hasSize(2);
        assertThat(top.path("points").findValuesAsText("key")).containsExactlyInAnyOrder(richest.path("key").asText(), "(other)");
        assertThat(top.path("points").findValues("requests").stream().mapToLong(JsonNode::asLong).sum()).isEqualTo(requests);
        assertThat(hub.admin("GET", "/api/v1/stats/series?top=0", null).status()).isEqualTo(400);
    }

    @Test
    void badStatsParametersAreNamed() {
        Http.Answer a = hub.admin("GET", "/api/v1/stats/leaderboard?by=colour&period=custom&from=yesterday", null);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().path("errors").findValuesAsText("field")).contains("by", "from");
    }

    @Test
    void logFiltersNarrowTheListAndCursorsPageWithoutGapsOrRepeats() {
        JsonNode onlyBob = TestHub.expect(hub.admin("GET", "/api/v1/logs?userId=" + bob, null), 200);
        assertThat(onlyBob.path("items")).hasSize(2);
        onlyBob.path("items").forEach(i -> assertThat(i.path("model").asText()).isEqualTo("claude-haiku-4-5"));

        JsonNode errors = TestHub.expect(hub.admin("GET", "/api/v1/logs?status=error", null), 200);
        assertThat(errors.path("items")).hasSize(1);
        assertThat(errors.path("items").get(0).path("statusCode").asInt()).isEqualTo(400);

        JsonNode session = TestHub.expect(hub.admin("GET", "/api/v1/logs?sessionId=s-alice-1&endpoint=messages", null), 200);
        assertThat(session.path("items")).hasSize(2);

        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = TestHub.expect(hub.admin("GET", "/api/v1/logs?limit=3" + (cursor == null ? "" : "&cursor=" + cursor),
                    null), 200);
            page.path("items").forEach(i -> assertThat(seen.add(i.path("requestId").asText())).isTrue());
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
            pages++;
        } while (cursor != null);
        assertThat(seen).hasSize(7);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void logDetailCarriesTheDecisionChainAndTimings() {
        String id = TestHub.expect(hub.admin("GET", "/api/v1/logs?userId=" + bob + "&limit=1", null), 200)
                .path("items").get(0).path("requestId").asText();
        JsonNode detail = TestHub.expect(hub.admin("GET", "/api/v1/logs/" + id, null), 200);
        assertThat(detail.path("decisionChain").findValuesAsText("provider")).contains("ops-claude");
        assertThat(detail.path("ttfbMs").isNumber()).isTrue();
        assertThat(detail.path("durationMs").isNumber()).isTrue();
    }

    @Test
    void csvExportStreamsEveryMatchingRowWithAHeader() {
        Http.Answer csv = hub.admin("GET", "/api/v1/logs/export?userId=" + alice, null);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("content-type")).startsWith("text/csv");
        String[] lines = csv.body().split("\r?\n");
        assertThat(lines[0]).startsWith("id,request_id,created_at,").contains("cost_usd");
        assertThat(lines).hasSize(6);
        assertThat(csv.body()).doesNotContain(aliceKey);
    }

    @Test
    void badLogFiltersAreNamed() {
        Http.Answer a = hub.admin("GET", "/api/v1/logs?status=teapot&userId=x&cursor=not-a-cursor", null);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("status", "userId", "cursor");
    }
}
