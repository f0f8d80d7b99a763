package dev.parley.voice.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
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
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "HS256");
        header.put("typ", "JWT");
        Map<String, Object> video = new LinkedHashMap<>();
        video.put("room", room);
        video.put("roomJoin", true);
        video.put("canPublish", true);
        video.put("canSubscribe", true);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", apiKey);
        claims.put("sub", identity);
        claims.put("nbf", now.getEpochSecond());
        claims.put("exp", now.plus(ttl).getEpochSecond());
        claims.put("video", video);
        String signingInput = URL.encodeToString(json.writeValueAsBytes(header)) + "."
                + URL.encodeToString(json.writeValueAsBytes(claims));
        return signingInput + "." + URL.encodeToString(hmac(signingInput));
    }

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
