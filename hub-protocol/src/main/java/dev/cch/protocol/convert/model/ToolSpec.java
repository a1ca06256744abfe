package dev.cch.protocol.convert.model;

import com.fasterxml.jackson.databind.JsonNode;

/** A function tool: name, description (may be null) and JSON schema of its arguments. */
public record ToolSpec(String name, String description, JsonNode schema) {
}
