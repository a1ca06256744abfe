package dev.cch.admin.connect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The operating system's keyring through its own command-line tool, so no native library is needed: the macOS
 * Keychain ({@code security}) or the freedesktop Secret Service ({@code secret-tool} from libsecret).
 */
public final class KeyringVault implements TokenVault {
    private static final String SERVICE = "cch-admin";
    private final boolean mac;

    private KeyringVault(boolean mac) {
        this.mac = mac;
    }

    /** The keyring of this machine when its tool is installed and answers, else empty. */
    public static Optional<KeyringVault> reachable() {
        String os = System.getProperty("os.name", "").toLowerCase();
        KeyringVault v = new KeyringVault(os.contains("mac"));
        if (!os.contains("mac") && !os.contains("linux")) {
            return Optional.empty();
        }
        // a harmless lookup proves the tool exists and a keyring daemon answers (exit 0 or 1 = "not found")
        Result r = v.exec(v.lookupCommand("cch-admin-probe"), null);
        return r.started && (r.exit == 0 || r.exit == 1 || v.mac && r.exit == 44) ? Optional.of(v) : Optional.empty();
    }

    @Override
    public Optional<String> read(String serverUrl) {
        Result r = exec(lookupCommand(serverUrl), null);
        return r.exit == 0 && !r.out.isBlank() ? Optional.of(r.out.strip()) : Optional.empty();
    }

    @Override
    public void store(String serverUrl, String token) {
        if (mac) {
            exec(List.of("security", "add-generic-password", "-U", "-a", serverUrl, "-s", SERVICE, "-w", token), null);
        } else {
            exec(List.of("secret-tool", "store", "--label=Claude Code Hub admin token", "service", SERVICE,
                    "server", serverUrl), token);
        }
    }

    @Override
    public void forget(String serverUrl) {
        exec(mac ? List.of("security", "delete-generic-password", "-a", serverUrl, "-s", SERVICE)
                : List.of("secret-tool", "clear", "service", SERVICE, "server", serverUrl), null);
    }

    @Override
    public String describe() {
        return mac ? "in the macOS Keychain" : "in the desktop keyring (Secret Service)";
    }

    private List<String> lookupCommand(String serverUrl) {
        return mac ? List.of("security", "find-generic-password", "-a", serverUrl, "-s", SERVICE, "-w")
                : List.of("secret-tool", "lookup", "service", SERVICE, "server", serverUrl);
    }

    private record Result(boolean started, int exit, String out) {
    }

    private Result exec(List<String> command, String stdin) {
        try {
            Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(false).start();
            if (stdin != null) {
                p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            p.getOutputStream().close();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(true, -1, "");
            }
            return new Result(true, p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(false, -1, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, -1, "");
        }
    }
}
