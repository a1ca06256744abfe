package dev.cch.testkit;

import java.util.ArrayList;
import java.util.List;

/** Splits text into the small pieces a streaming model sends. */
final class Chunks {
    private Chunks() {
    }

    static List<String> of(String s, int size) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < s.length(); i += size) {
            out.add(s.substring(i, Math.min(s.length(), i + size)));
        }
        if (out.isEmpty()) {
            out.add("");
        }
        return out;
    }
}
