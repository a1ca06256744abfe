package dev.cch.server.admin;

/** Who is calling the admin API: the admin token, or a user with the admin role using their key. */
public record Actor(String name, Long userId, Long keyId, String ip) {
    public static Actor adminToken(String ip) {
        return new Actor("admin-token", null, null, ip);
    }
}
