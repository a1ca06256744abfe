package dev.cch.server.providers;

import java.time.LocalTime;

/** The hours a provider takes traffic (HH:mm, in the hub's zone). A window may cross midnight. */
public record ActiveWindow(LocalTime start, LocalTime end) {

    public static ActiveWindow parse(String start, String end) {
        return new ActiveWindow(LocalTime.parse(start), LocalTime.parse(end));
    }

    public boolean contains(LocalTime t) {
        if (start.equals(end)) {
            return false;
        }
        if (start.isBefore(end)) {
            return !t.isBefore(start) && t.isBefore(end);
        }
        return !t.isBefore(start) || t.isBefore(end);
    }
}
