package dev.cch.protocol.convert.model;

import java.util.List;

/** One message of the conversation. */
public record Turn(Role role, List<Part> parts) {
    public Turn {
        parts = List.copyOf(parts);
    }

    /** Who speaks. SYSTEM appears only for system messages in the middle of a conversation. */
    public enum Role { USER, ASSISTANT, SYSTEM }
}
