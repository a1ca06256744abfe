package dev.cch.admin;

import javafx.application.Application;

/** Entry point that works with JavaFX on the class path (a main class that is not an Application subclass). */
public final class AdminLauncher {
    private AdminLauncher() {
    }

    public static void main(String[] args) {
        Application.launch(AdminApp.class, args);
    }
}
