package dev.cch.protocol.admin;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** A user's role: admins may use their key for the admin API. */
public enum Role {
    ADMIN, USER;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Role fromWireName(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
