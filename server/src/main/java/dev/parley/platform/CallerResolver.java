package dev.parley.platform;

import java.util.Optional;

/**
 * Turns the bearer token of a request into a {@link Caller}. The tenancy module implements it; the platform's
 * authentication filter uses it.
 */
public interface CallerResolver {

    /**
     * @param token the bearer token as sent
     * @param domain the {@code X-Domain} header, or {@code null}
     * @param origin the {@code Origin} header, or {@code null}
     * @return the caller, or empty when no live key matches the token
     * @throws ApiException when the key is valid but the domain or origin is not the workspace's
     */
    Optional<Caller> resolve(String token, String domain, String origin);

    /**
     * Whether the API key or console session a caller this resolver made still holds: not revoked, ended or expired.
     * Long-lived streams ask now and then, besides hearing of revocations as they happen; the answer may be a few
     * seconds old.
     */
    boolean stillValid(Caller caller);
}
