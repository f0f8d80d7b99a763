package dev.parley.commerce.internal;

import dev.parley.platform.Digests;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Customer tokens: how a store's own site vouches for a signed-in customer, so the assistant may show that customer's
 * orders without asking for their email. The format (documented in {@code docs/demo-store.md}):
 *
 * <pre>ct1.&lt;base64url(email)&gt;.&lt;expires, unix seconds&gt;.&lt;base64url(HMAC-SHA256(secret, "ct1." + base64url(email) + "." + expires))&gt;</pre>
 *
 * base64url without padding; the secret is the store connection's {@code customer_token_secret}.
 */
final class CustomerTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private CustomerTokens() {}

    static String sign(String secret, String email, Instant expires) {
        String payload = "ct1." + ENCODER.encodeToString(email.getBytes(StandardCharsets.UTF_8)) + "."
                + expires.getEpochSecond();
        return payload + "." + ENCODER.encodeToString(mac(secret, payload));
    }

    /** The email the token vouches for, when it is well formed, signed with {@code secret} and not expired. */
    static Optional<String> verify(String secret, String token, Instant now) {
        if (secret == null || token == null || token.length() > 2000) {
            return Optional.empty();
        }
        String[] parts = token.strip().split("\\.");
        if (parts.length != 4 || !parts[0].equals("ct1")) {
            return Optional.empty();
        }
        try {
            String payload = parts[0] + "." + parts[1] + "." + parts[2];
            if (!Digests.sameSignature(mac(secret, payload), DECODER.decode(parts[3]))) {
                return Optional.empty();
            }
            if (Instant.ofEpochSecond(Long.parseLong(parts[2])).isBefore(now)) {
                return Optional.empty();
            }
            return Optional.of(new String(DECODER.decode(parts[1]), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static byte[] mac(String secret, String payload) {
        return Digests.hmacSha256(secret.getBytes(StandardCharsets.UTF_8), payload.getBytes(StandardCharsets.UTF_8));
    }
}
