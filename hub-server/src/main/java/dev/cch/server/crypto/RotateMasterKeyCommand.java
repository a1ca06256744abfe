package dev.cch.server.crypto;

import dev.cch.server.config.DataDirectory;
import dev.cch.server.config.HubConfig;
import dev.cch.server.db.Database;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.Map;

/**
 * {@code bin/hub rotate-master-key [--new-key <base64>]}: re-encrypts every secret at rest under a new master key.
 * Stop every hub node first. With a generated key (in the data directory) the new key replaces it there; with a
 * configured key ({@code HUB_MASTER_KEY}) the new key is printed once and must replace the configured one before
 * the hubs start again.
 */
public final class RotateMasterKeyCommand {
    private RotateMasterKeyCommand() {
    }

    /** @return the process exit code */
    public static int run(HubConfig config, String[] args, PrintStream out) {
        String newKey = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--new-key") && i + 1 < args.length) {
                newKey = args[++i].trim();
            } else {
                out.println("usage: rotate-master-key [--new-key <base64 of 32 bytes>]");
                return 2;
            }
        }
        DataDirectory dir = new DataDirectory(config.dataDir());
        boolean fromFile = config.masterKey().isEmpty();
        if (fromFile && !dir.hasMasterKeyFile()) {
            out.println("no master key yet (neither HUB_MASTER_KEY nor " + dir.resolve("master.key") + "): nothing to rotate");
            return 1;
        }
        SecretCipher current = SecretCipher.fromBase64(config.masterKey().orElseGet(() -> dir.masterKey().value()));
        String next = newKey != null ? newKey : dir.newMasterKey();
        SecretCipher replacement = SecretCipher.fromBase64(next);
        if (fromFile) {
            dir.stageMasterKey(next);
        }
        boolean committed = false;
        try (Database db = Database.open(config)) {
            Map<String, Integer> counts = MasterKeyRotation.rotate(db.dataSource(), current, replacement);
            committed = true;
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            if (fromFile) {
                dir.promoteMasterKey();
                out.println("Master key rotated: " + total + " secrets re-encrypted " + counts + "; the new key is in "
                        + dir.resolve("master.key"));
            } else {
                out.println("Master key rotated: " + total + " secrets re-encrypted " + counts + ".");
                out.println("Set HUB_MASTER_KEY to the new key before starting the hubs (shown once):");
                out.println("    " + next);
            }
            return 0;
        } catch (Exception e) {
            if (committed) {
                out.println("secrets are re-encrypted but " + dir.resolve("master.key.next")
                        + " could not replace master.key (" + e.getMessage() + "): move it there by hand");
                return 1;
            }
            if (fromFile) {
                try {
                    Files.deleteIfExists(dir.resolve("master.key.next"));
                } catch (IOException ignored) {
                    // the staged key is harmless; it is replaced on the next attempt
                }
            }
            out.println("rotation failed, nothing was changed: " + e.getMessage());
            return 1;
        }
    }
}
