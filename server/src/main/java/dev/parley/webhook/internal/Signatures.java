package dev.parley.webhook.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The two signatures every delivery carries: {@code X-Webhook-Signature} over the raw body, in the subscription's
 * {@link SignatureFormat} (what seeds 000 and 002 verify), and the replay-safe {@code X-Parley-Signature}
 * {@code t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">}, which a captured request cannot reuse with a new timestamp.
 */
final class Signatures {

    private Signatures() {}

    static String webhookSignature(SignatureFormat format, String secret, String body) {
        String hex = hmacHex(secret, body);
        return switch (format) {
            case SHA256_PREFIXED -> "sha256=" + hex;
            case HEX -> hex;
        };
    }

    static String parleySignature(String secret, long timestamp, String body) {
        return "t=" + timestamp + ",v1=" + hmacHex(secret, timestamp + "." + body);
    }

    private static String hmacHex(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
