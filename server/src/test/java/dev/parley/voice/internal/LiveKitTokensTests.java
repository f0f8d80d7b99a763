package dev.parley.voice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** LiveKit access tokens, checked by a verifier written separately from the signer. */
class LiveKitTokensTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void signsAJoinGrantForOneRoomThatAnIndependentVerifierAccepts() {
        Instant now = Instant.parse("2026-01-20T14:00:00Z");
        LiveKitTokens tokens =
                new LiveKitTokens("APIkey123", "secret-of-at-least-32-characters!!", Duration.ofHours(1), JSON);

        String token = tokens.token("customer-sess_1", "parley-sess_1", now);

        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        assertThat(verify(parts, "secret-of-at-least-32-characters!!")).isTrue();
        assertThat(verify(parts, "another-secret-of-32-characters!!!")).isFalse();
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        assertThat(header.path("alg").asString()).isEqualTo("HS256");
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(claims.path("iss").asString()).isEqualTo("APIkey123");
        assertThat(claims.path("sub").asString()).isEqualTo("customer-sess_1");
        assertThat(claims.path("nbf").asLong()).isEqualTo(now.getEpochSecond());
        assertThat(claims.path("exp").asLong()).isEqualTo(now.getEpochSecond() + 3600);
        assertThat(claims.at("/video/room").asString()).isEqualTo("parley-sess_1");
        assertThat(claims.at("/video/roomJoin").asBoolean()).isTrue();
        assertThat(claims.at("/video/canPublish").asBoolean()).isTrue();
        assertThat(claims.at("/video/canSubscribe").asBoolean()).isTrue();
    }

    @Test
    void matchesATokenComputedIndependentlyWithOpenssl() {
        // h=$(printf '%s' '{"alg":"HS256","typ":"JWT"}' | basenc --base64url | tr -d '=')
        // c=$(printf '%s' '{"iss":"APIkey123","sub":"customer-sess_1","nbf":1768917600,"exp":1768921200,
        //     "video":{"room":"parley-sess_1","roomJoin":true,"canPublish":true,"canSubscribe":true}}'
        //     | basenc --base64url -w0 | tr -d '=')   (the JSON on one line)
        // printf '%s' "$h.$c" | openssl dgst -sha256 -hmac 'secret-of-at-least-32-characters!!' -binary
        //     | basenc --base64url | tr -d '='
        LiveKitTokens tokens =
                new LiveKitTokens("APIkey123", "secret-of-at-least-32-characters!!", Duration.ofHours(1), JSON);

        String token = tokens.token("customer-sess_1", "parley-sess_1", Instant.ofEpochSecond(1768917600));

        assertThat(token)
                .isEqualTo(
                        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJBUElrZXkxMjMiLCJzdWIiOiJjdXN0b21lci1zZXNzXzEiLCJuYmYiOjE3Njg5MTc2MDAsImV4cCI6MTc2ODkyMTIwMCwidmlkZW8iOnsicm9vbSI6InBhcmxleS1zZXNzXzEiLCJyb29tSm9pbiI6dHJ1ZSwiY2FuUHVibGlzaCI6dHJ1ZSwiY2FuU3Vic2NyaWJlIjp0cnVlfX0.Ktp7uca3puV5vQjdUQvQUEagV7DK-8zHWYzWinaUtdw");
    }

    /** A JWT HS256 check written apart from {@link LiveKitTokens}: recompute and compare in constant time. */
    private static boolean verify(String[] parts, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return java.security.MessageDigest.isEqual(
                    expected, Base64.getUrlDecoder().decode(parts[2]));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
