package dev.parley.platform;

import java.time.Instant;

/**
 * Links that carry their own permission: a path, an expiry and an HMAC over both under the installation's secret key
 * ({@code PARLEY_SECRET_KEY}), for what Parley serves without an API key (file uploads and downloads, export
 * archives). The paths are declared {@link PublicPath}s; their handlers {@link #check} the signature first.
 */
public interface SignedLinks {

    /**
     * An absolute URL for {@code path} (starting with {@code /}), valid until {@code expires}: on
     * {@code PARLEY_PUBLIC_URL} when set, else on the host of the request being served.
     */
    String create(String purpose, String path, Instant expires);

    /**
     * Checks a link's {@code expires} (unix seconds) and {@code signature} query parameters for {@code path}.
     *
     * @throws ApiException 403 {@code invalid_signature} when they do not match (or are missing), 403
     *     {@code link_expired} when the link is genuine but past its expiry
     */
    void check(String purpose, String path, String expires, String signature);
}
