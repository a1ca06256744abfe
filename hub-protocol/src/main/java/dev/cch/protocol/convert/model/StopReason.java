package dev.cch.protocol.convert.model;

/** Why generation stopped, in protocol-neutral terms (named after Anthropic's). */
public enum StopReason { END_TURN, STOP_SEQUENCE, MAX_TOKENS, TOOL_USE, REFUSAL }
