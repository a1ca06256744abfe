package dev.cch.admin.connect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EncryptedFileVaultTest {

    @Test
    void aStoredTokenReadsBackButNeverAppearsInPlainText(@TempDir Path dir) throws Exception {
        EncryptedFileVault vault = new EncryptedFileVault(dir);
        vault.store("http://hub:23000", "tok-very-secret-123");

        assertThat(new EncryptedFileVault(dir).read("http://hub:23000")).contains("tok-very-secret-123");
        String onDisk = Files.readString(dir.resolve("tokens.properties"), StandardCharsets.ISO_8859_1);
        assertThat(onDisk).doesNotContain("tok-very-secret-123");
        assertThat(Files.getPosixFilePermissions(dir.resolve("vault.key")).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
    }

    @Test
    void anotherMachinesKeyCannotOpenTheTokens(@TempDir Path dir) throws Exception {
        new EncryptedFileVault(dir).store("http://hub:23000", "tok");
        Files.write(dir.resolve("vault.key"), new byte[32]);
        assertThat(new EncryptedFileVault(dir).read("http://hub:23000")).isEmpty();
    }

    @Test
    void forgettingRemovesOnlyThatServersToken(@TempDir Path dir) {
        EncryptedFileVault vault = new EncryptedFileVault(dir);
        vault.store("http://a", "1");
        vault.store("http://b", "2");
        vault.forget("http://a");
        assertThat(vault.read("http://a")).isEmpty();
        assertThat(vault.read("http://b")).contains("2");
    }
}
