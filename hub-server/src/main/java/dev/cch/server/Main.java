package dev.cch.server;

import dev.cch.server.config.HubConfig;
import dev.cch.server.observe.JsonLogFormatter;
import io.helidon.config.Config;
import io.helidon.logging.common.LogConfig;

/** Starts a hub from {@code application.yaml} and the environment, and stops it cleanly on SIGTERM/Ctrl-C. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        LogConfig.configureRuntime();
        Config raw = Config.create();
        if ("json".equalsIgnoreCase(raw.get("hub.log.format").asString().orElse("text"))) {
            JsonLogFormatter.install();
        }
        HubConfig config = HubConfig.from(raw);
        HubServer hub = HubServer.start(config);
        hub.printBanner(System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(hub::close, "cch-shutdown"));
    }
}
