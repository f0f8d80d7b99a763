package dev.parley.tenancy;

import dev.parley.platform.Caller;
import java.time.Instant;
import java.util.List;

/** The caller's workspace's API keys, for the console: issue (the secret shown once), list masked, revoke. */
public interface ApiKeyAdmin {

    /** A key as listed: never its secret, only a masked form. */
    record KeySummary(
            String id,
            String name,
            String type,
            String mode,
            String maskedKey,
            List<String> scopes,
            boolean revoked,
            Instant createdAt) {}

    /** A new key and its secret, which exists nowhere else once shown. */
    record IssuedKey(KeySummary key, String secret) {}

    /**
     * Issues a key like {@code POST /v1/api-keys} with the default scopes the caller holds.
     *
     * @param type {@code secret} or {@code publishable}
     * @param mode {@code live} or {@code test}
     * @throws dev.parley.platform.ApiException {@code invalid_field} for an unknown type or mode, or a name over 200
     *     characters
     */
    IssuedKey issue(Caller caller, String name, String type, String mode);

    /** The workspace's keys visible to the caller, newest first, revoked ones included. */
    List<KeySummary> list(Caller caller);

    /**
     * @throws dev.parley.platform.ApiException {@code not_found} for another workspace's key
     */
    KeySummary revoke(Caller caller, String keyId);
}
