package dev.cch.server.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** Strict UTF-8: what Java's encoder writes passes, every malformed form is caught. */
class Utf8Test {

    @Test
    void wellFormedTextOfEveryLengthPasses() {
        String text = "{\"t\":\"a \u00e9 \u20ac \ud83d\ude00 \uffff \u0000\"}";
        assertThat(Utf8.valid(text.getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(Utf8.valid(new byte[0])).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"c3", "e282", "f09f98", "ff", "80", "c0af", "e080af", "f08082af", "eda080", "edbfbf",
            "f4908080", "f8888080", "41c328", "e228a1"})
    void malformedSequencesAreRefused(String hex) {
        assertThat(Utf8.valid(HexFormat.of().parseHex(hex))).as(hex).isFalse();
    }
}
