package dev.cch.admin.common;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * Form text to request values. Blank means "not set" (null); text that is not a number is kept as a marker the
 * view-model reports as a field error, so the shared validation never sees a half-typed value.
 */
public final class Parse {
    private Parse() {
    }

    public static Integer integer(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        return Integer.valueOf(s.trim().replace("_", "").replace(",", ""));
    }

    public static Long whole(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        return Long.valueOf(s.trim().replace("_", "").replace(",", ""));
    }

    public static BigDecimal money(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        return new BigDecimal(s.trim().replace("$", "").replace(",", ""));
    }

    public static String text(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** "a, b ,c" to [a, b, c]. */
    public static List<String> list(String s) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        return Arrays.stream(s.split("[,\\n]")).map(String::trim).filter(x -> !x.isEmpty()).distinct().toList();
    }

    public static String show(Object v) {
        return v == null ? "" : v instanceof BigDecimal b ? b.stripTrailingZeros().toPlainString() : v.toString();
    }
}
