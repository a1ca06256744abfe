package dev.cch.server.pipeline;

import dev.cch.protocol.admin.KeyView;
import dev.cch.protocol.admin.Role;
import dev.cch.protocol.admin.UserView;

import java.util.List;
import java.util.regex.Pattern;

/** Who is calling: the hub key presented and the user it belongs to. */
public record Principal(KeyView key, UserView user) {
    private static final Pattern SEPARATORS = Pattern.compile("[,，\\n]");

    /**
     * The provider groups this caller may use: the key's group, else the user's, else {@code default}. Several groups
     * may be listed (comma, Chinese comma or newline separated); {@code *} means every group.
     */
    public List<String> groups() {
        String g = key.providerGroup() != null ? key.providerGroup() : user.providerGroup();
        if (g == null || g.isBlank()) {
            return List.of("default");
        }
        if (!SEPARATORS.matcher(g).find()) {
            return List.of(g.trim()); // the usual case: one group, no list to build (this runs on every request)
        }
        List<String> groups = SEPARATORS.splitAsStream(g).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        return groups.isEmpty() ? List.of("default") : groups;
    }

    public boolean allGroups() {
        return groups().contains("*");
    }

    public boolean isAdmin() {
        return user.role() == Role.ADMIN;
    }
}
