package dev.parley.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.sdk.core.WebhookSignature;
import dev.parley.sdk.model.WebhookEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** webhooks.verify against signatures made here independently with the JDK's HMAC. */
class WebhookSignatureTest {
    private static final String SECRET = "whsec_unit_test_secret_0123456789";
    private static final String BODY =
            "{\"id\":\"evt_1\",\"event\":\"conversation.created\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"data\":{\"conversation_id\":\"conv_9\"}}";
    private final Parley parley =
            Parley.builder().apiKey("k").baseUrl("http://127.0.0.1:1").build();

    private static String hmac(String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        StringBuilder hex = new StringBuilder();
        for (byte b : mac.doFinal(data.getBytes(StandardCharsets.UTF_8))) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    @Test
    void everySignatureFormatVerifiesAndGivesTheEvent() throws Exception {
        long t = now();
        Map<String, String> parleyHeader = Map.of("X-Parley-Signature", "t=" + t + ",v1=" + hmac(t + "." + BODY));
        Map<String, String> prefixed = Map.of("x-webhook-signature", "sha256=" + hmac(BODY));
        Map<String, String> hex = Map.of("X-WEBHOOK-SIGNATURE", hmac(BODY));
        for (Map<String, String> headers : List.of(parleyHeader, prefixed, hex)) {
            WebhookEvent event = parley.webhooks().verify(BODY, headers, SECRET);
            assertEquals("evt_1", event.id());
            assertEquals("conversation.created", event.event());
            assertEquals("conv_9", event.data().getString("conversation_id"));
        }
        // Both at once, values as lists (how servlet containers and com.sun.net.httpserver hand them over).
        Map<String, List<String>> both = Map.of(
                "X-Parley-Signature", List.of("t=" + t + ",v1=" + hmac(t + "." + BODY)),
                "X-Webhook-Signature", List.of("sha256=" + hmac(BODY)));
        assertEquals(
                "evt_1",
                parley.webhooks()
                        .verify(BODY.getBytes(StandardCharsets.UTF_8), both, SECRET)
                        .id());
    }

    @Test
    void wrongSecretsTamperedBodiesStaleTimestampsAndMissingHeadersAreRefusedWithAReason() throws Exception {
        long t = now();
        String good = "t=" + t + ",v1=" + hmac(t + "." + BODY);
        assertReason("mismatch", BODY.replace("conv_9", "conv_8"), Map.of("X-Parley-Signature", good), SECRET);
        assertReason("mismatch", BODY, Map.of("X-Parley-Signature", good), "whsec_other");
        assertReason("mismatch", BODY, Map.of("X-Webhook-Signature", "sha256=" + hmac(BODY + " ")), SECRET);
        long old = t - 301;
        assertReason(
                "timestamp_out_of_tolerance",
                BODY,
                Map.of("X-Parley-Signature", "t=" + old + ",v1=" + hmac(old + "." + BODY)),
                SECRET);
        assertReason("malformed", BODY, Map.of("X-Parley-Signature", "v1=" + hmac(BODY)), SECRET);
        assertReason("malformed", BODY, Map.of("X-Webhook-Signature", "sha1=abc"), SECRET);
        assertReason("missing_signature", BODY, Map.of("Content-Type", "application/json"), SECRET);
        assertReason("missing_secret", BODY, Map.of("X-Webhook-Signature", hmac(BODY)), "");
        // Every header present must verify: a good body signature does not excuse a bad timestamped one.
        assertReason(
                "mismatch",
                BODY,
                Map.of("X-Webhook-Signature", hmac(BODY), "X-Parley-Signature", "t=" + t + ",v1=" + "0".repeat(64)),
                SECRET);
        assertFalse(parley.webhooks().isValid(BODY.getBytes(StandardCharsets.UTF_8), Map.of(), SECRET));
    }

    @Test
    void toleranceIsConfigurableAndTestHeadersVerify() throws Exception {
        long old = now() - 1000;
        Map<String, String> headers = Map.of("X-Parley-Signature", "t=" + old + ",v1=" + hmac(old + "." + BODY));
        assertEquals(
                "evt_1",
                parley.webhooks()
                        .verify(BODY.getBytes(StandardCharsets.UTF_8), headers, SECRET, Duration.ofSeconds(2000))
                        .id());
        Map<String, String> generated = parley.webhooks().generateTestHeaders(BODY, SECRET, "hex");
        assertTrue(generated.get("X-Webhook-Signature").matches("[0-9a-f]{64}"));
        assertTrue(parley.webhooks().isValid(BODY.getBytes(StandardCharsets.UTF_8), generated, SECRET));
        Map<String, String> signed =
                WebhookSignature.sign(BODY.getBytes(StandardCharsets.UTF_8), SECRET, 1700000000L, null);
        assertEquals("t=1700000000,v1=" + hmac("1700000000." + BODY), signed.get("X-Parley-Signature"));
        assertEquals("sha256=" + hmac(BODY), signed.get("X-Webhook-Signature"));
    }

    private void assertReason(String reason, String body, Map<String, String> headers, String secret) {
        WebhookSignatureException refused = assertThrows(
                WebhookSignatureException.class, () -> parley.webhooks().verify(body, headers, secret));
        assertEquals(reason, refused.reason());
        assertEquals("invalid_signature", refused.code());
    }
}
