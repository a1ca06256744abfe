package dev.cch.admin.logs;

/** One decision of a request, readable: when (ms after arrival), what, the details, and its tone (good, bad, info). */
public record TimelineStep(String at, String title, String detail, String tone) {
}
