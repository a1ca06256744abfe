package dev.cch.server.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * The hub's data directory: embedded database files and the secrets generated on first start (admin token,
 * master key), each kept in an owner-only file.
 */
public final class DataDirectory {
    private final Path root;
    private final SecureRandom random = new SecureRandom();

    public DataDirectory(Path root) {
        this.root = root;
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + root, e);
        }
    }

    public Path root() {
        return root;
    }

    public Path resolve(String name) {
        return root.resolve(name);
    }

    /** A generated secret: read from its file, or created (and reported as new) on first use. */
    public record Generated(String value, boolean created, Path file) {
    }

    public Generated adminToken() {
        return secretFile("admin-token", () -> "cch-admin-" + randomBase64Url(32));
    }

    public Generated masterKey() {
        return secretFile("master.key", this::newMasterKey);
    }

    /** Whether a master key file exists (a generated key was used before). */
    public boolean hasMasterKeyFile() {
        return Files.exists(root.resolve("master.key"));
    }

    /**
     * Stages a new master key in {@code master.key.next} (owner-only); {@link #promoteMasterKey()} makes it current.
     * Staging first means a crash between re-encrypting and promoting never loses the key the data now needs.
     */
    public Path stageMasterKey(String base64) {
        Path next = root.resolve("master.key.next");
        try {
            Files.writeString(next, base64 + "\n", StandardCharsets.UTF_8);
            ownerOnly(next);
            return next;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + next, e);
        }
    }

    public void promoteMasterKey() {
        try {
            Files.move(root.resolve("master.key.next"), root.resolve("master.key"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace master.key with master.key.next", e);
        }
    }

    /** A fresh random master key, base64 of 32 bytes. */
    public String newMasterKey() {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the directory's own ACL applies
        }
    }

    private Generated secretFile(String name, Supplier<String> generator) {
        Path file = root.resolve(name);
        try {
            if (Files.exists(file)) {
                return new Generated(Files.readString(file, StandardCharsets.UTF_8).trim(), false, file);
            }
            String value = generator.get();
            Files.writeString(file, value + "\n", StandardCharsets.UTF_8);
            ownerOnly(file);
            return new Generated(value, true, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    private String randomBase64Url(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
