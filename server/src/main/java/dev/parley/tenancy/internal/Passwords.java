package dev.parley.tenancy.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.springframework.stereotype.Component;

/**
 * Console users' passwords, stored as salted PBKDF2-HMAC-SHA512 hashes ({@code pbkdf2_sha512$iterations$salt$hash},
 * base64). The iteration count travels with each hash, so raising it later keeps old hashes valid. A sign-in for an
 * unknown email checks a dummy hash, so it costs as long as a wrong password does.
 */
@Component
class Passwords {

    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 200;
    private static final String ALGORITHM = "PBKDF2WithHmacSHA512";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;
    private final String dummy;

    Passwords(TenancyProperties properties) {
        this.iterations = Math.max(1000, properties.passwordIterations());
        this.dummy = hash("not a password of anyone");
    }

    String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] derived = derive(password, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "pbkdf2_sha512$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(derived);
    }

    /** Whether the password matches the stored hash; {@code null} stands for an unknown user and never matches. */
    boolean matches(String password, String stored) {
        String[] parts = (stored == null ? dummy : stored).split("\\$");
        if (parts.length != 4 || !parts[0].equals("pbkdf2_sha512")) {
            return false;
        }
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] expected = b64.decode(parts[3]);
        byte[] actual = derive(password == null ? "" : password, b64.decode(parts[2]), Integer.parseInt(parts[1]));
        return MessageDigest.isEqual(expected, actual) && stored != null;
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 512);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is part of every JDK", e);
        } finally {
            spec.clearPassword();
        }
    }
}
