package dev.cch.protocol.convert.model;

import dev.cch.protocol.usage.Usage;

import java.util.List;

/**
 * A complete model answer in no particular protocol.
 *
 * @param id           the provider's response id
 * @param content      text, thinking and tool-call parts in order
 * @param stopSequence the stop sequence that matched, or null
 * @param created      epoch seconds the provider reported, or 0
 */
public record Completion(String id, List<Part> content, StopReason stopReason, String stopSequence, Usage usage,
                         long created) {
    public Completion {
        content = List.copyOf(content);
        usage = usage == null ? Usage.ZERO : usage;
    }
}
