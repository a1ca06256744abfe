package dev.cch.server.guard;

import dev.cch.server.pipeline.HeaderHygiene;

/**
 * Which model names the hub passes on. A model name reaches logs, the upstream body and, for Gemini providers, the
 * upstream URL path, so it may not steer any of them: no control characters, no path tricks ({@code .} or
 * {@code ..} segments, backslashes, escapes, a query or a fragment), and none of its own {@code /} when it came from
 * a Gemini URL (there it must be one path segment). Names with {@code /} between plain parts stay allowed in bodies
 * ({@code meta-llama/Llama-3-70b} on an OpenAI-compatible provider).
 */
public final class ModelNames {
    static final int MAX_LENGTH = 256;

    private ModelNames() {
    }

    /** Why this name is refused, or null if it may be used. */
    public static String problem(String model, boolean fromUrlPath) {
        if (model.length() > MAX_LENGTH) {
            return "model name longer than " + MAX_LENGTH + " characters";
        }
        if (!HeaderHygiene.printable(model)) {
            return "the model name contains control characters";
        }
        for (char c : new char[] {'\\', '%', '?', '#'}) {
            if (model.indexOf(c) >= 0) {
                return "the model name may not contain '" + c + "'";
            }
        }
        if (fromUrlPath && model.indexOf('/') >= 0) {
            return "the model in the URL must be one path segment (no '/')";
        }
        for (String part : model.split("/", -1)) {
            if (part.equals(".") || part.equals("..")) {
                return "the model name may not contain '.' or '..' path segments";
            }
        }
        return null;
    }
}
