package dev.cch.server.limits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.protocol.ClientProtocol;
import dev.cch.protocol.admin.KeyView;
import dev.cch.protocol.admin.Limits;
import dev.cch.protocol.admin.Role;
import dev.cch.protocol.admin.UserView;
import dev.cch.protocol.error.ErrorBodies;
import dev.cch.server.pipeline.Principal;
import dev.cch.server.state.Admission;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every limit kind's refusal, in every client protocol: its status (402 spend, 429 rate), a readable body, headers. */
class LimitAnswersTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Principal WHO = new Principal(
            new KeyView(10, 1, "laptop", "cch-abc", "default", Limits.NONE, true, null, null, null, null, null),
            new UserView(1, "ada", "", Role.USER, "default", List.of(), Limits.NONE, List.of(), List.of(), List.of(),
                    true, null, null, null, null));
    final LimitAnswers answers = new LimitAnswers(() -> ZoneId.of("Europe/Berlin"));
    final ErrorBodies bodies = new ErrorBodies(JSON);

    @ParameterizedTest
    @EnumSource(LimitKind.class)
    void everyLimitKindIsRefusedWithItsStatusInEveryProtocol(LimitKind kind) throws Exception {
        long now = 1_800_000_000_000L;
        Admission.Rejection r = new Admission.Rejection(Subject.user(1, 0), kind, 1_000_000_000L, 1_000_000_000L,
                kind == LimitKind.USD_TOTAL ? 0 : now + 60_000);
        LimitAnswers.Answer a = answers.answer(r, WHO, now);
        assertThat(a.error().status()).isEqualTo(kind.isSpend() ? 402 : 429);
        assertThat(Long.parseLong(a.headers().get("retry-after"))).isPositive();
        for (ClientProtocol protocol : ClientProtocol.values()) {
            JsonNode body = JSON.readTree(bodies.render(protocol, a.error()));
            assertThat(body.toString()).as(protocol + " " + kind).contains("limit").contains("ada");
        }
    }
}
