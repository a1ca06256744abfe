package dev.cch.protocol.admin;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ValidationTest {

    @Test
    void oneLineValuesRefuseEveryControlCharacterAndWhatPostgresCannotStore() {
        for (String bad : new String[] {"a\r\nb", "a\nb", "a\tb", "x\u0000", "x\u001b[31m", "x\u2028y", "x\ud800", "\udc00x"}) {
            assertThat(new Validation().singleLine("name", bad, 100).errors()).as(bad).hasSize(1);
        }
        assertThat(new Validation().singleLine("name", "ada – 😀 ok", 100).errors()).isEmpty();
    }

    @Test
    void longTextsMayHoldLineBreaksButNotNulOrLoneSurrogates() {
        assertThat(new Validation().maxLength("description", "line one\nline two", 2000).errors()).isEmpty();
        assertThat(new Validation().maxLength("description", "nul\u0000", 2000).errors()).hasSize(1);
        assertThat(new Validation().maxLength("description", "half \ud83d", 2000).errors()).hasSize(1);
    }
}
