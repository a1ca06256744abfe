package dev.cch.protocol.convert.model;

/**
 * How the model may use tools.
 *
 * @param mode     AUTO, ANY (must call some tool), TOOL (must call {@code name}) or NONE
 * @param parallel false when the client forbids parallel calls, null when it did not say
 */
public record ToolChoice(Mode mode, String name, Boolean parallel) {
    public enum Mode { AUTO, ANY, TOOL, NONE }

    public static ToolChoice of(Mode mode) {
        return new ToolChoice(mode, null, null);
    }
}
