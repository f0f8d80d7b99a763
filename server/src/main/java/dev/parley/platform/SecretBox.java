package dev.parley.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way Parley keeps secrets it must send on (a model provider's API key, a store's access token, a helpdesk's
 * credentials): AES-256-GCM under the server's secret key ({@code PARLEY_SECRET_KEY}). Each value is bound to a
 * context, the workspace it belongs to, so a value copied into another workspace's row does not open. The
 * application has one instance, a bean.
 */
public final class SecretBox {

    private static final Logger log = LoggerFactory.getLogger(SecretBox.class);
    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    private SecretBox(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /**
     * The operator's key when given; otherwise the key in {@code keyFile}, made on first start. The file, not the
     * database, so that a copy of the database (a backup, a dump) does not carry the key that opens its secrets.
     */
    public static SecretBox of(String configured, Path keyFile) {
        if (configured != null && !configured.isBlank()) {
            return new SecretBox(keyBytes(configured.strip()));
        }
        return new SecretBox(keyBytes(readOrCreate(keyFile)));
    }

    public static SecretBox withKey(byte[] key) {
        return new SecretBox(key.clone());
    }

    public String seal(String plaintext, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** @throws IllegalStateException when the value was sealed under another key or context, or is damaged */
    public String open(String sealed, String context) {
        try {
            if (!sealed.startsWith(PREFIX)) {
                throw new IllegalStateException("Not a sealed value");
            }
            byte[] in = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The secret cannot be opened with this server's key", e);
        }
    }

    /**
     * An HMAC-SHA256 of {@code message} under a key derived from the server's secret key for one {@code purpose}
     * (signed download links, keyed hashes in audit entries), as URL-safe base64 without padding. Purposes keep keys
     * apart: a signature made for one never verifies for another.
     */
    public String sign(String purpose, String message) {
        try {
            javax.crypto.Mac derive = javax.crypto.Mac.getInstance("HmacSHA256");
            derive.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            byte[] purposeKey = derive.doFinal(("parley-sign:" + purpose).getBytes(StandardCharsets.UTF_8));
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(purposeKey, "HmacSHA256"));
            byte[] signature = mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    /** Whether {@code signature} is {@link #sign}'s for this purpose and message, compared in constant time. */
    public boolean verify(String purpose, String message, String signature) {
        if (signature == null) {
            return false;
        }
        return MessageDigest.isEqual(
                sign(purpose, message).getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.UTF_8));
    }

    /** 32 bytes in base64 as they are; a longer passphrase through SHA-256. */
    private static byte[] keyBytes(String text) {
        try {
            byte[] decoded = Base64.getDecoder().decode(text);
            if (decoded.length == 32) {
                return decoded;
            }
        } catch (IllegalArgumentException notBase64) {
            // a passphrase
        }
        if (text.length() < 32) {
            throw new IllegalStateException(
                    "PARLEY_SECRET_KEY must be 32 bytes in base64 (openssl rand -base64 32) or at least 32 characters");
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            String encoded = Base64.getEncoder().encodeToString(key);
            try {
                Files.writeString(file, encoded + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
            } catch (FileAlreadyExistsException anotherProcessWon) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the data directory's own permissions protect it.
            }
            log.warn(
                    "Generated the secret key that encrypts stored secrets (model API keys, store credentials, webhook secrets) in {}. Keep it with the data; every node of"
                            + " a cluster needs the same key, so set PARLEY_SECRET_KEY when running more than one.",
                    file.toAbsolutePath());
            return encoded;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret key file " + file, e);
        }
    }
}
