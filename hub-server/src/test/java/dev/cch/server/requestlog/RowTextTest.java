package dev.cch.server.requestlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RowTextTest {
    static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void controlCharactersBecomeReplacementsAndLineBreaksSpaces() {
        assertThat(RowText.clean("x\u0000", 200)).isEqualTo("x\uFFFD");
        assertThat(RowText.clean("a\r\nb\tc\u001b[31m\u007f\u0085", 200)).isEqualTo("a  b c\uFFFD[31m\uFFFD\uFFFD");
    }

    @Test
    void loneSurrogatesAreReplacedAndPairsKept() {
        assertThat(RowText.clean("y\ud800z", 200)).isEqualTo("y\uFFFDz");
        assertThat(RowText.clean("\udc00y\ud800", 200)).isEqualTo("\uFFFDy\uFFFD");
        assertThat(RowText.clean("emoji \ud83d\ude00", 200)).isEqualTo("emoji \ud83d\ude00");
    }

    @Test
    void longTextIsCutToTheLimitWithoutSplittingAPair() {
        assertThat(RowText.clean("m".repeat(100_000), 200)).hasSize(200).endsWith("m…");
        String cut = RowText.clean("abc\ud83d\ude00def", 5);
        assertThat(cut).isEqualTo("abc…");
        assertThat(RowText.clean("abcde", 5)).isEqualTo("abcde");
    }

    @Test
    void cleanTextIsReturnedAsIs() {
        String s = "claude-sonnet-4-5";
        assertThat(RowText.clean(s, 200)).isSameAs(s);
        assertThat(RowText.clean(null, 200)).isNull();
    }

    @Test
    void jsonStringsAndFieldNamesAreCleanedAtAnyDepthAndCleanJsonIsKept() throws Exception {
        JsonNode chain = MAPPER.readTree("[{\"type\":\"outcome\",\"message\":\"bad\\u0000\",\"n\":3,"
                + "\"facts\":{\"k\\u0000\":[\"\\ud800\",true,null]}}]");
        JsonNode clean = RowText.clean(chain);
        assertThat(clean.toString()).isEqualTo("[{\"type\":\"outcome\",\"message\":\"bad\uFFFD\",\"n\":3,"
                + "\"facts\":{\"k\uFFFD\":[\"\uFFFD\",true,null]}}]");
        assertThat(chain.path(0).path("message").asText()).as("the original is not changed").isEqualTo("bad\u0000");
        JsonNode fine = MAPPER.readTree("[{\"type\":\"selected\",\"provider\":\"p\"}]");
        assertThat(RowText.clean(fine)).isSameAs(fine);
        JsonNode longText = MAPPER.createArrayNode().add("x".repeat(5000));
        assertThat(RowText.clean(longText).path(0).asText()).hasSize(RowText.MESSAGE);
    }
}
