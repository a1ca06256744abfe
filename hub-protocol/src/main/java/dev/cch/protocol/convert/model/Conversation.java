package dev.cch.protocol.convert.model;

import java.util.List;

/**
 * A chat request in no particular protocol: what every request reader produces and every request writer consumes.
 *
 * @param system     leading system instructions, in order
 * @param turns      the conversation, oldest first
 * @param tools      function tools offered to the model
 * @param toolChoice how the model may use them, null for the provider default
 * @param sampling   token limit, temperature, top_p, top_k and stop sequences
 * @param reasoning  thinking settings, null when the client did not ask
 */
public record Conversation(List<String> system, List<Turn> turns, List<ToolSpec> tools, ToolChoice toolChoice,
                           Sampling sampling, Reasoning reasoning) {
    public Conversation {
        system = List.copyOf(system);
        turns = List.copyOf(turns);
        tools = List.copyOf(tools);
        sampling = sampling == null ? Sampling.NONE : sampling;
    }
}
