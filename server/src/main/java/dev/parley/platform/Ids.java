package dev.parley.platform;

import java.security.SecureRandom;

/** The one id generator: a type prefix and 24 random base62 characters, e.g. {@code conv_4fQ9...}. */
public final class Ids {

    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    public static String next(String prefix) {
        return prefix + "_" + random(24);
    }

    /** Random base62 text of the given length, for ids and secrets alike. */
    public static String random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            // 248 is the largest multiple of 62 below 256: rejecting above it keeps the characters uniform.
            int b = bytes[i] & 0xff;
            while (b >= 248) {
                b = RANDOM.nextInt(256);
            }
            out[i] = ALPHABET[b % 62];
        }
        return new String(out);
    }
}
