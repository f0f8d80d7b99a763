package dev.parley.voice.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * LiveKit access tokens: a JWT signed with HS256 by the API secret, issued by the API key, for one identity and one
 * room (the {@code video} grant).
 */
final class LiveKitTokens {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final String apiKey;
    private final String apiSecret;
    private final Duration ttl;
    private final JsonMapper json;

    LiveKitTokens(String apiKey, String apiSecret, Duration ttl, JsonMapper json) {
        this.apiKey = apiKey;
        this.apiSecret = apiSecret;
        this.ttl = ttl;
        this.json = json;
    }

    String token(String identity, String room, Instant now) {
        Header header = new Header("HS256", "JWT");
        Claims claims = new Claims(
                apiKey,
                identity,
                now.getEpochSecond(),
                now.plus(ttl).getEpochSecond(),
                new Video(room, true, true, true));
        String signingInput = URL.encodeToString(json.writeValueAsBytes(header)) + "."
                + URL.encodeToString(json.writeValueAsBytes(claims));
        return signingInput + "." + URL.encodeToString(hmac(signingInput));
    }

    record Header(String alg, String typ) {}

    /** LiveKit's video grant, in its own (camelCase) names. */
    record Video(
            String room,
            @JsonProperty("roomJoin") boolean roomJoin,
            @JsonProperty("canPublish") boolean canPublish,
            @JsonProperty("canSubscribe") boolean canSubscribe) {}

    record Claims(String iss, String sub, long nbf, long exp, Video video) {}

    private byte[] hmac(String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(apiSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
