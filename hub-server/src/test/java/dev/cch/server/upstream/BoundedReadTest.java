package dev.cch.server.upstream;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedReadTest {
    private static final byte[] BODY = "{\"type\":\"message\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void readsADeclaredLengthExactly() throws Exception {
        assertThat(BoundedRead.read(new ByteArrayInputStream(BODY), 1000, Integer.toString(BODY.length))).isEqualTo(BODY);
    }

    @Test
    void readsToTheEndWithoutOrWithAWrongDeclaredLength() throws Exception {
        assertThat(BoundedRead.read(new ByteArrayInputStream(BODY), 1000, null)).isEqualTo(BODY);
        assertThat(BoundedRead.read(new ByteArrayInputStream(BODY), 1000, "5")).isEqualTo(BODY);
        assertThat(BoundedRead.read(new ByteArrayInputStream(BODY), 1000, "not a number")).isEqualTo(BODY);
    }

    @Test
    void refusesBodiesOverTheLimitWhetherDeclaredOrNot() {
        assertThatThrownBy(() -> BoundedRead.read(new ByteArrayInputStream(BODY), 10, Integer.toString(BODY.length)))
                .isInstanceOf(BoundedRead.TooLarge.class);
        assertThatThrownBy(() -> BoundedRead.read(new ByteArrayInputStream(BODY), 10, "4"))
                .isInstanceOf(BoundedRead.TooLarge.class);
        assertThatThrownBy(() -> BoundedRead.read(new ByteArrayInputStream(BODY), 10, null))
                .isInstanceOf(BoundedRead.TooLarge.class);
    }
}
