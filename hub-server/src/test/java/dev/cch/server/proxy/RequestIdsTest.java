package dev.cch.server.proxy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdsTest {

    @Test
    void idsStartWithTheMillisecondsInHexSoTheySortByTime() {
        long ms = 1_795_000_000_000L;
        String id = RequestIds.next(ms);
        assertThat(id).matches("req_[0-9a-f]{27}").startsWith("req_" + String.format("%011x", ms));
        assertThat(RequestIds.next(ms + 1)).isGreaterThan(id.substring(0, 15));
        assertThat(RequestIds.next(ms)).isNotEqualTo(id);
    }
}
