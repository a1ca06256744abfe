package dev.cch.protocol.convert.model;

import dev.cch.protocol.usage.Usage;

/**
 * One step of a streamed answer in no particular protocol. Blocks are numbered from 0 in order of appearance,
 * open one at a time, and each is closed by {@link BlockStop} before the next starts.
 */
public sealed interface StreamEvent {
    /** The answer begins; {@code usage} holds what is known so far (often only input). */
    record MessageStart(String id, Usage usage) implements StreamEvent {
    }

    record BlockStart(int index, BlockKind kind, String toolId, String toolName) implements StreamEvent {
    }

    record TextDelta(int index, String text) implements StreamEvent {
    }

    record ThinkingDelta(int index, String text) implements StreamEvent {
    }

    /** A thinking block's signature, neutral form. */
    record SignatureDelta(int index, String signature) implements StreamEvent {
    }

    /** A piece of a tool call's JSON arguments. */
    record ToolArgsDelta(int index, String partialJson) implements StreamEvent {
    }

    record BlockStop(int index) implements StreamEvent {
    }

    /** Generation ended; {@code usage} is final and complete. */
    record MessageDelta(StopReason stopReason, String stopSequence, Usage usage) implements StreamEvent {
    }

    record MessageStop() implements StreamEvent {
    }

    record Failure(UpstreamError error) implements StreamEvent {
    }

    enum BlockKind { TEXT, THINKING, TOOL_CALL }
}
