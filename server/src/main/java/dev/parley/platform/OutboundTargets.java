package dev.parley.platform;

import java.net.URI;

/**
 * The guarded fetcher's policy for clients that connect on their own, such as a language model's SDK: a user-given
 * URL passes only if it is an absolute http(s) URL without credentials whose host, and every address it resolves to,
 * the fetcher would connect to ({@code parley.platform.fetch.allow} included). The check happens before the client
 * connects, so callers should check again right before each use.
 */
public interface OutboundTargets {

    /**
     * @return the URL, parsed
     * @throws FetchException {@code INVALID_URL}, {@code BAD_SCHEME}, {@code BLOCKED_ADDRESS} or {@code
     *     UNRESOLVABLE_HOST}
     */
    URI check(String url);
}
