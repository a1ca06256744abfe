package dev.cch.admin.connect;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;

/**
 * Tokens encrypted with AES-GCM under a random key that never leaves this machine ({@code vault.key}, readable by
 * its owner only), stored per server URL in {@code tokens.properties} beside it.
 */
public final class EncryptedFileVault implements TokenVault {
    private static final int IV_BYTES = 12;
    private final Path dir;
    private final SecureRandom random = new SecureRandom();

    public EncryptedFileVault(Path dir) {
        this.dir = dir;
    }

    @Override
    public synchronized Optional<String> read(String serverUrl) {
        String sealed = load().getProperty(serverUrl);
        if (sealed == null) {
            return Optional.empty();
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, all, 0, IV_BYTES));
            return Optional.of(new String(c.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty(); // another machine's key or a damaged file: ask for the token again
        }
    }

    @Override
    public synchronized void store(String serverUrl, String token) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, iv));
            byte[] sealed = c.doFinal(token.getBytes(StandardCharsets.UTF_8));
            byte[] all = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, all, 0, IV_BYTES);
            System.arraycopy(sealed, 0, all, IV_BYTES, sealed.length);
            Properties p = load();
            p.setProperty(serverUrl, Base64.getEncoder().encodeToString(all));
            save(p);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this JDK", e);
        }
    }

    @Override
    public synchronized void forget(String serverUrl) {
        Properties p = load();
        if (p.remove(serverUrl) != null) {
            save(p);
        }
    }

    @Override
    public String describe() {
        return "encrypted in " + dir.resolve("tokens.properties") + " with a key only this machine has";
    }

    private SecretKeySpec key() {
        Path file = dir.resolve("vault.key");
        try {
            if (!Files.exists(file)) {
                byte[] k = new byte[32];
                random.nextBytes(k);
                Files.createDirectories(dir);
                writePrivate(file, k);
            }
            return new SecretKeySpec(Files.readAllBytes(file), "AES");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Properties load() {
        Properties p = new Properties();
        Path file = dir.resolve("tokens.properties");
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return p;
    }

    private void save(Properties p) {
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve("tokens.properties.tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "Claude Code Hub control panel: admin tokens, AES-GCM sealed");
            }
            restrict(tmp);
            Files.move(tmp, dir.resolve("tokens.properties"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writePrivate(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes);
        restrict(file);
    }

    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // Windows: the user profile directory is already private to its owner
        }
    }
}
