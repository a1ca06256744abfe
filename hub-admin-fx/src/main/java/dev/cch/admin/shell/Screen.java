package dev.cch.admin.shell;

import javafx.scene.Parent;

import java.util.function.Supplier;

/** One screen: its section, how to build its view (once, on first visit), and what to do each time it is shown. */
public record Screen(Section section, Supplier<Parent> view, Runnable onShow) {
}
