package dev.cch.protocol.admin;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** How a spend window restarts: rolling (a sliding window) or fixed (a calendar boundary or first request). */
public enum ResetMode {
    ROLLING, FIXED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ResetMode fromWireName(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
