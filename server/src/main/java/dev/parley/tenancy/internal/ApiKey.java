package dev.parley.tenancy.internal;

import dev.parley.platform.Caller.KeyKind;
import dev.parley.platform.Digests;
import dev.parley.platform.Ids;
import dev.parley.platform.Mode;
import dev.parley.platform.Scope;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An API key as stored: never the key itself, only its SHA-256 (keys carry 190 bits of randomness, so a fast hash
 * is safe) and a masked form for lists.
 */
record ApiKey(
        String id,
        String workspaceId,
        KeyKind kind,
        Mode mode,
        String name,
        Set<Scope> scopes,
        String keyHash,
        String masked,
        Instant createdAt,
        Instant revokedAt) {

    static final Pattern FORMAT = Pattern.compile("(sk|pk)_(live|test)_[A-Za-z0-9]{32}");

    boolean revoked() {
        return revokedAt != null;
    }

    /** A new key's secret text, e.g. {@code sk_live_} and 32 random characters. */
    static String newSecret(KeyKind kind, Mode mode) {
        return prefix(kind) + "_" + mode.wire() + "_" + Ids.random(32);
    }

    static String prefix(KeyKind kind) {
        return kind == KeyKind.SECRET ? "sk" : "pk";
    }

    static KeyKind kindOf(String secret) {
        return secret.startsWith("pk_") ? KeyKind.PUBLISHABLE : KeyKind.SECRET;
    }

    static Mode modeOf(String secret) {
        return Mode.valueOf(secret.substring(3, 7).toUpperCase(Locale.ROOT));
    }

    static String mask(String secret) {
        return secret.substring(0, 8) + "…" + secret.substring(secret.length() - 4);
    }

    static String hash(String secret) {
        return Digests.sha256Hex(secret);
    }
}
