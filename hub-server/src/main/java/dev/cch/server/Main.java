package dev.cch.server;

import dev.cch.server.config.HubConfig;
import dev.cch.server.crypto.RotateMasterKeyCommand;
import dev.cch.server.demo.DemoMode;
import dev.cch.server.observe.JsonLogFormatter;
import io.helidon.config.Config;
import io.helidon.logging.common.LogConfig;

/**
 * Starts a hub from {@code application.yaml} and the environment, and stops it cleanly on SIGTERM/Ctrl-C.
 * {@code rotate-master-key} re-encrypts the secrets at rest instead (see {@link RotateMasterKeyCommand});
 * {@code --demo} (or {@code HUB_DEMO=true}) starts a throw-away hub with fake providers and traffic ({@link DemoMode}).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        LogConfig.configureRuntime();
        Config raw = Config.create();
        if ("json".equalsIgnoreCase(raw.get("hub.log.format").asString().orElse("text"))) {
            JsonLogFormatter.install();
        }
        if (DemoMode.requested(raw, args)) {
            DemoMode demo = DemoMode.start(raw, System.out);
            Runtime.getRuntime().addShutdownHook(new Thread(demo::close, "cch-shutdown"));
            return;
        }
        HubConfig config = HubConfig.from(raw);
        if (args.length > 0 && args[0].equals("rotate-master-key")) {
            System.exit(RotateMasterKeyCommand.run(config, args, System.out));
        }
        HubServer hub = HubServer.start(config);
        hub.printBanner(System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(hub::close, "cch-shutdown"));
    }
}
