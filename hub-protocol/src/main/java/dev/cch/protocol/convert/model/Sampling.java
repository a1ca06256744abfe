package dev.cch.protocol.convert.model;

import java.util.List;

/** Generation limits and sampling; null fields were not set by the client. */
public record Sampling(Integer maxTokens, Double temperature, Double topP, Integer topK, List<String> stop) {
    public static final Sampling NONE = new Sampling(null, null, null, null, List.of());

    public Sampling {
        stop = stop == null ? List.of() : List.copyOf(stop);
    }
}
