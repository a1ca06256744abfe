package dev.cch.server.crypto;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Encrypts provider secrets at rest with AES-256-GCM under the master key. Stored form:
 * 1 version byte || 12-byte nonce || ciphertext || 16-byte tag. A wrong key fails loudly rather than
 * returning garbage.
 */
public final class SecretCipher {
    private static final byte VERSION = 1;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public SecretCipher(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("master key must be 32 bytes (AES-256), got " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    public static SecretCipher fromBase64(String base64) {
        try {
            return new SecretCipher(Base64.getDecoder().decode(base64.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("master key must be base64 of 32 bytes", e);
        }
    }

    public byte[] encrypt(String plain) {
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(new byte[] {VERSION});
            byte[] ct = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[1 + NONCE + ct.length];
            out[0] = VERSION;
            System.arraycopy(nonce, 0, out, 1, NONCE);
            System.arraycopy(ct, 0, out, 1 + NONCE, ct.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    public String decrypt(byte[] stored) {
        if (stored == null || stored.length < 1 + NONCE + TAG_BITS / 8 || stored[0] != VERSION) {
            throw new IllegalArgumentException("not a secret sealed by this hub");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(stored, 1, 1 + NONCE)));
            c.updateAAD(new byte[] {VERSION});
            return new String(c.doFinal(stored, 1 + NONCE, stored.length - 1 - NONCE), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalArgumentException("secret does not decrypt under this master key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    private static final String SEALED_TEXT = "sealed:";

    /** A value sealed into text, for JSON columns: {@code sealed:} and the base64 of {@link #encrypt}. */
    public String sealText(String plain) {
        return SEALED_TEXT + java.util.Base64.getEncoder().encodeToString(encrypt(plain));
    }

    /** The plain value of {@link #sealText}; text stored before it was sealed (no prefix) comes back as it is. */
    public String openText(String stored) {
        return stored.startsWith(SEALED_TEXT) ? decrypt(java.util.Base64.getDecoder().decode(stored.substring(SEALED_TEXT.length())))
                : stored;
    }
}
