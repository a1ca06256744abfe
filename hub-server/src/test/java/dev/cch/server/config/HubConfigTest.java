package dev.cch.server.config;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.config.EnvironmentVariables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration as the hub reads it at start (environment variables over application.yaml), with the environment
 * given by hand: the forms the README documents take effect.
 */
class HubConfigTest {

    static HubConfig withEnvironment(Map<String, String> env) {
        Config c = Config.builder().disableEnvironmentVariablesSource().disableSystemPropertiesSource()
                .sources(ConfigSources.create(EnvironmentVariables.expand(env)), ConfigSources.classpath("application.yaml"))
                .build();
        return HubConfig.from(c);
    }

    @Test
    void noCorsOriginsUnlessConfigured() {
        assertThat(withEnvironment(Map.of()).edge().corsAllowedOrigins()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "HUB_CORS_ALLOWED_DASH_ORIGINS|https://a.example, https://b.example",
            "HUB_CORS_ALLOWED_DASH_ORIGINS_0|https://a.example"})
    void corsOriginsComeFromTheEnvironmentInEitherDocumentedForm(String variable, String value) {
        assertThat(withEnvironment(eitherForm(variable, value, "https://b.example")).edge().corsAllowedOrigins()).containsExactly("https://a.example", "https://b.example");
    }

    @Test
    void bodyLimitsAndDeadlinesComeFromTheEnvironment() {
        HubConfig c = withEnvironment(Map.of("HUB_PROXY_BODY_DASH_BUDGET_DASH_BYTES", "67108864",
                "HUB_PROXY_HEADER_DASH_TIMEOUT_MS", "3000"));
        assertThat(c.edge().bodyBudgetBytes()).isEqualTo(64L << 20);
        assertThat(c.edge().headerTimeout().toMillis()).isEqualTo(3000);
        assertThat(c.edge().bodyTimeout().toMillis()).isEqualTo(60_000);
        assertThat(List.of(c.edge().maxBodyBytes())).containsExactly(32L << 20);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "HUB_AUTH_TRUSTED_DASH_PROXIES|10.0.0.0/8, fd00::/8",
            "HUB_AUTH_TRUSTED_DASH_PROXIES_0|10.0.0.0/8"})
    void trustedProxiesComeFromTheEnvironmentInEitherDocumentedFormAndAreNoneByDefault(String variable, String value) {
        assertThat(withEnvironment(eitherForm(variable, value, "fd00::/8")).trustedProxies()).containsExactly("10.0.0.0/8", "fd00::/8");
        assertThat(withEnvironment(Map.of()).trustedProxies()).isEmpty();
    }

    /** A list in one comma-separated variable, or indexed ({@code _0} given, {@code second} as {@code _1}). */
    static Map<String, String> eitherForm(String variable, String value, String second) {
        return variable.endsWith("_0")
                ? Map.of(variable, value, variable.substring(0, variable.length() - 1) + "1", second)
                : Map.of(variable, value);
    }
}
