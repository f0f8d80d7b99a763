package dev.parley.sdk.core;

import dev.parley.sdk.WebhookSignatureException;
import dev.parley.sdk.model.JsonObject;
import dev.parley.sdk.model.WebhookEvent;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Parley's webhook signatures (docs/webhooks.md), in every format it sends:
 *
 * <ul>
 *   <li>{@code X-Parley-Signature: t=<unix>,v1=<hex>}: HMAC-SHA256 of {@code <t>.<raw body>}, the recommended check
 *       because it binds the time (a {@code t} outside the tolerance is refused);
 *   <li>{@code X-Webhook-Signature: sha256=<hex>} ({@code signature_format: sha256_prefixed}, the default);
 *   <li>{@code X-Webhook-Signature: <hex>} ({@code signature_format: hex}).
 * </ul>
 */
public final class WebhookSignature {
    public static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(300);

    private WebhookSignature() {}

    /**
     * Checks every signature header present (at least one must be) and returns the parsed event.
     *
     * @param nowSeconds the clock in unix seconds, or null for the system clock
     */
    public static WebhookEvent verify(
            byte[] body, Map<String, ?> headers, String secret, Duration tolerance, Long nowSeconds) {
        if (secret == null || secret.isEmpty()) {
            throw new WebhookSignatureException("missing_secret", "No webhook secret given");
        }
        if (body == null) {
            throw new WebhookSignatureException("invalid_payload", "No body given");
        }
        String parley = header(headers, "x-parley-signature");
        String plain = header(headers, "x-webhook-signature");
        if (parley == null && plain == null) {
            throw new WebhookSignatureException(
                    "missing_signature", "The request has neither X-Parley-Signature nor X-Webhook-Signature");
        }
        if (parley != null) {
            long now = nowSeconds != null ? nowSeconds : System.currentTimeMillis() / 1000;
            checkParleySignature(body, parley, secret, tolerance, now);
        }
        if (plain != null) {
            checkBodySignature(body, plain, secret);
        }
        try {
            return new WebhookEvent(
                    JsonObject.parse(new String(body, StandardCharsets.UTF_8)).asMap());
        } catch (IllegalArgumentException notJson) {
            throw new WebhookSignatureException("invalid_payload", "The signed body is not a JSON object");
        }
    }

    /** The headers Parley sends for {@code body}: {@code X-Parley-Signature}, {@code X-Webhook-Signature}. */
    public static Map<String, String> sign(byte[] body, String secret, long timestamp, String format) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Parley-Signature", "t=" + timestamp + ",v1=" + hmacHex(secret, timestamped(timestamp, body)));
        String digest = hmacHex(secret, body);
        headers.put("X-Webhook-Signature", "hex".equals(format) ? digest : "sha256=" + digest);
        headers.put("X-Webhook-Timestamp", Long.toString(timestamp));
        return headers;
    }

    private static void checkParleySignature(byte[] body, String value, String secret, Duration tolerance, long now) {
        String t = null;
        List<String> candidates = new ArrayList<>();
        for (String part : value.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = part.substring(0, eq).trim();
            String v = part.substring(eq + 1).trim();
            if (key.equals("t")) {
                t = v;
            } else if (key.equals("v1")) {
                candidates.add(v.toLowerCase(Locale.ROOT));
            }
        }
        if (t == null || !t.matches("\\d{1,12}") || candidates.isEmpty()) {
            throw new WebhookSignatureException("malformed", "X-Parley-Signature is not \"t=<unix>,v1=<hex>\"");
        }
        long timestamp = Long.parseLong(t);
        if (Math.abs(now - timestamp) > tolerance.getSeconds()) {
            throw new WebhookSignatureException(
                    "timestamp_out_of_tolerance",
                    "X-Parley-Signature is too old or from the future (possibly a replay)");
        }
        String expected = hmacHex(secret, timestamped(timestamp, body));
        for (String candidate : candidates) {
            if (constantTimeEquals(expected, candidate)) {
                return;
            }
        }
        throw new WebhookSignatureException("mismatch", "X-Parley-Signature does not match the body and secret");
    }

    private static void checkBodySignature(byte[] body, String value, String secret) {
        String trimmed = value.trim().toLowerCase(Locale.ROOT);
        String hex = trimmed.startsWith("sha256=") ? trimmed.substring(7) : trimmed;
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new WebhookSignatureException(
                    "malformed", "X-Webhook-Signature is not \"sha256=<hex>\" nor a hex digest");
        }
        if (!constantTimeEquals(hmacHex(secret, body), hex)) {
            throw new WebhookSignatureException("mismatch", "X-Webhook-Signature does not match the body and secret");
        }
    }

    private static byte[] timestamped(long timestamp, byte[] body) {
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(body, 0, out, prefix.length, body.length);
        return out;
    }

    private static String header(Map<String, ?> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, ?> entry : headers.entrySet()) {
            if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name)) {
                Object value = entry.getValue();
                if (value instanceof List) {
                    List<?> values = (List<?>) value;
                    return values.isEmpty() || values.get(0) == null
                            ? null
                            : values.get(0).toString();
                }
                return value == null ? null : value.toString();
            }
        }
        return null;
    }

    static String hmacHex(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(data);
            StringBuilder hex = new StringBuilder(digest.length * 2);
            for (byte b : digest) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return hex.toString();
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", impossible);
        }
    }

    /** Compares without an early exit, so timing does not tell how much of a guess was right. */
    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
