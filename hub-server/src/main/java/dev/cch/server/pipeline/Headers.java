package dev.cch.server.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/** HTTP headers with case-insensitive names (stored lower-case), independent of any HTTP library. */
public final class Headers {
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    public static Headers of(Map<String, List<String>> raw) {
        Headers h = new Headers();
        raw.forEach((k, v) -> v.forEach(x -> h.add(k, x)));
        return h;
    }

    public Headers add(String name, String value) {
        values.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>(1)).add(value);
        return this;
    }

    public Headers set(String name, String value) {
        List<String> l = new ArrayList<>(1);
        l.add(value);
        values.put(name.toLowerCase(Locale.ROOT), l);
        return this;
    }

    public Headers remove(String name) {
        values.remove(name.toLowerCase(Locale.ROOT));
        return this;
    }

    public String first(String name) {
        List<String> l = values.get(name.toLowerCase(Locale.ROOT));
        return l == null || l.isEmpty() ? null : l.getFirst();
    }

    public List<String> all(String name) {
        List<String> l = values.get(name.toLowerCase(Locale.ROOT));
        return l == null ? List.of() : Collections.unmodifiableList(l);
    }

    public boolean has(String name) {
        return values.containsKey(name.toLowerCase(Locale.ROOT));
    }

    public void forEach(BiConsumer<String, List<String>> action) {
        values.forEach(action);
    }

    public Headers copy() {
        Headers h = new Headers();
        values.forEach((k, v) -> h.values.put(k, new ArrayList<>(v)));
        return h;
    }

    public Map<String, List<String>> asMap() {
        return Collections.unmodifiableMap(values);
    }
}
