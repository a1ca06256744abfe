package dev.cch.server.pipeline;

import dev.cch.protocol.admin.KeyView;
import dev.cch.protocol.admin.Role;
import dev.cch.protocol.admin.UserView;

import java.util.Arrays;
import java.util.List;

/** Who is calling: the hub key presented and the user it belongs to. */
public record Principal(KeyView key, UserView user) {

    /**
     * The provider groups this caller may use: the key's group, else the user's, else {@code default}. Several groups
     * may be listed (comma, Chinese comma or newline separated); {@code *} means every group.
     */
    public List<String> groups() {
        String g = key.providerGroup() != null ? key.providerGroup() : user.providerGroup();
        if (g == null || g.isBlank()) {
            return List.of("default");
        }
        List<String> groups = Arrays.stream(g.split("[,，\\n]")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        return groups.isEmpty() ? List.of("default") : groups;
    }

    public boolean allGroups() {
        return groups().contains("*");
    }

    public boolean isAdmin() {
        return user.role() == Role.ADMIN;
    }
}
