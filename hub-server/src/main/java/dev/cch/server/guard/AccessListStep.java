package dev.cch.server.guard;

import dev.cch.protocol.admin.UserView;
import dev.cch.protocol.error.ErrorType;
import dev.cch.protocol.error.HubError;
import dev.cch.server.pipeline.Exchange;
import dev.cch.server.pipeline.ProxyReply;
import dev.cch.server.pipeline.Replies;
import dev.cch.server.pipeline.Step;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Pipeline step: a user's model allow-list (exact names, case-insensitive) and client allow/block lists (User-Agent
 * matching; block wins). Presets name the common coding tools; anything else is a User-Agent substring.
 */
public final class AccessListStep implements Step {
    private static final Map<String, List<String>> PRESETS = Map.of(
            "claude-code", List.of("claude-cli", "claude-code", "claude-vscode", "claude-agent-sdk"),
            "codex-cli", List.of("codex_cli", "codex-cli", "codex_vscode", "codex_exec", "codex desktop"),
            "gemini-cli", List.of("geminicli", "gemini-cli"),
            "factory-cli", List.of("factory-cli", "droid"));
    private final Replies replies;

    public AccessListStep(Replies replies) {
        this.replies = replies;
    }

    @Override
    public ProxyReply handle(Exchange ex, Chain chain) {
        UserView u = ex.principal().user();
        String model = ex.request().model();
        if (!u.allowedModels().isEmpty() && u.allowedModels().stream().noneMatch(m -> m.equalsIgnoreCase(model))) {
            return replies.blocked(ex, "model_not_allowed", HubError.of(ErrorType.PERMISSION, "model_not_allowed",
                    "model " + model + " is not allowed for this user"));
        }
        String ua = normalise(ex.request().userAgent());
        if (!u.blockedClients().isEmpty() && matchesAny(ua, u.blockedClients())) {
            return replies.blocked(ex, "client_blocked", HubError.of(ErrorType.PERMISSION, "client_blocked",
                    "this client is blocked for this user"));
        }
        if (!u.allowedClients().isEmpty() && !matchesAny(ua, u.allowedClients())) {
            return replies.blocked(ex, "client_not_allowed", HubError.of(ErrorType.PERMISSION, "client_not_allowed",
                    ua.isEmpty() ? "this user may only use named clients, and the request has no User-Agent"
                            : "this client is not allowed for this user"));
        }
        return chain.proceed(ex);
    }

    private static boolean matchesAny(String ua, List<String> patterns) {
        if (ua.isEmpty()) {
            return false;
        }
        for (String p : patterns) {
            List<String> needles = PRESETS.getOrDefault(p.toLowerCase(Locale.ROOT), List.of(p));
            for (String n : needles) {
                if (ua.contains(normalise(n))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String normalise(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
