package dev.cch.protocol.admin;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProviderRequestTest {

    @Test
    void minimalProviderIsValidAndTakesDefaults() {
        ProviderRequest r = ProviderRequest.of("p", "claude", "https://api.anthropic.com", "sk");
        assertThat(r.validate()).isEmpty();
        assertThat(r.groupTags()).containsExactly("default");
        assertThat(r.weight()).isEqualTo(1);
        assertThat(r.breaker().failureThreshold()).isEqualTo(5);
        assertThat(r.breaker().openDurationMs()).isEqualTo(1_800_000L);
        assertThat(r.breaker().halfOpenSuccesses()).isEqualTo(2);
    }

    @Test
    void proxyUrlsMustUseAKnownScheme() {
        ProviderRequest ok = new ProviderRequest("p", null, "codex", "https://x.example", "s", null, null, null, null, null,
                null, null, null, "socks5://u:p@127.0.0.1:1080", null, null, null, null, null, null, null, null, null, null);
        ProviderRequest bad = new ProviderRequest("p", null, "codex", "https://x.example", "s", null, null, null, null, null,
                null, null, null, "ftp://127.0.0.1", null, null, null, null, null, null, null, null, null, null);
        assertThat(ok.validate()).isEmpty();
        assertThat(bad.validate()).extracting(FieldError::field).containsExactly("proxyUrl");
    }

    @Test
    void nestedFieldsAreNamedWithTheirPath() {
        ProviderRequest r = new ProviderRequest("p", null, "gemini", "https://g.example", "s", null, null, null,
                List.of("default"), Map.of("vip", 5000), null, null, null, null, null, Map.of("x-ok", "1", "Host", "evil"),
                new Limits(null, null, null, null, null, "7am", null, null, null, null), 11, null,
                new BreakerSettings(5, 10L, 0), new Timeouts(50, null, null, null), null, null, null);
        assertThat(r.validate()).extracting(FieldError::field).containsExactlyInAnyOrder("groupPriorities.vip",
                "customHeaders.Host", "limits.dailyResetTime", "maxRetryAttempts", "breaker.openDurationMs",
                "breaker.halfOpenSuccesses", "timeouts.connectMs");
    }

    @Test
    void headerValuesCannotSmuggleLineBreaks() {
        ProviderRequest r = new ProviderRequest("p", null, "claude", "https://a.example", "s", null, null, null, null, null,
                null, null, null, null, null, Map.of("x-note", "a\r\nX-Injected: 1"), null, null, null, null, null, null, null, null);
        assertThat(r.validate()).extracting(FieldError::message).contains("value must be one line of visible ASCII");
    }
}
