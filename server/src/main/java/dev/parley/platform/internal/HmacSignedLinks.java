package dev.parley.platform.internal;

import dev.parley.platform.ApiException;
import dev.parley.platform.ErrorCode;
import dev.parley.platform.SecretBox;
import dev.parley.platform.SignedLinks;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Signed links as {@code path?expires=<unix seconds>&signature=<HMAC-SHA256 of purpose, path and expiry>}. */
@Component
class HmacSignedLinks implements SignedLinks {

    private final SecretBox secrets;
    private final Clock clock;
    private final String publicUrl;

    HmacSignedLinks(SecretBox secrets, Clock clock, @Value("${parley.public-url:}") String publicUrl) {
        this.secrets = secrets;
        this.clock = clock;
        this.publicUrl = publicUrl == null ? "" : publicUrl.strip().replaceAll("/+$", "");
    }

    @Override
    public String create(String purpose, String path, Instant expires) {
        long seconds = expires.getEpochSecond();
        String base = !publicUrl.isEmpty()
                ? publicUrl
                : ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        return base + path + "?expires=" + seconds + "&signature=" + secrets.sign(purpose, path + "\n" + seconds);
    }

    @Override
    public void check(String purpose, String path, String expires, String signature) {
        long seconds;
        try {
            seconds = Long.parseLong(expires == null ? "" : expires);
        } catch (NumberFormatException e) {
            throw new ApiException(ErrorCode.INVALID_LINK, null, Map.of("reason", "malformed"));
        }
        if (!secrets.verify(purpose, path + "\n" + seconds, signature)) {
            throw new ApiException(ErrorCode.INVALID_LINK, null, Map.of("reason", "mismatch"));
        }
        if (!clock.instant().isBefore(Instant.ofEpochSecond(seconds))) {
            throw new ApiException(ErrorCode.LINK_EXPIRED, null, Map.of("expired_at", Instant.ofEpochSecond(seconds)));
        }
    }
}
