package dev.parley.platform;

import java.util.Map;
import java.util.Set;

/**
 * Who is calling: the workspace and mode a key acts in, and what it may do. Every query a request makes is scoped
 * by {@link #workspaceId()} and {@link #mode()}.
 *
 * @param hourlyQuota the workspace plan's requests per hour, or 0 when the plan has no quota
 * @param domain the workspace domain chosen with {@code X-Domain}, or {@code null}
 * @param agentId the signed-in console user (agent or admin) when the token is a console token, else {@code null}
 */
public record Caller(
        String workspaceId,
        Mode mode,
        String keyId,
        KeyKind kind,
        Set<Scope> scopes,
        long hourlyQuota,
        String domain,
        String agentId) {

    public enum KeyKind {
        SECRET,
        PUBLISHABLE
    }

    public Caller {
        scopes = Set.copyOf(scopes);
    }

    /** A caller authenticated by an API key, not by a console user. */
    public Caller(
            String workspaceId,
            Mode mode,
            String keyId,
            KeyKind kind,
            Set<Scope> scopes,
            long hourlyQuota,
            String domain) {
        this(workspaceId, mode, keyId, kind, scopes, hourlyQuota, domain, null);
    }

    /** Whether a signed-in console user (agent or admin) makes this request. */
    public boolean isAgent() {
        return agentId != null;
    }

    public boolean has(Scope scope) {
        return scopes.contains(scope);
    }

    public boolean isPlatformAdmin() {
        return scopes.contains(Scope.PLATFORM_ADMIN);
    }

    /**
     * Fails with 403 {@code insufficient_permissions} ("A test key cannot act on live data.") when a test key (or a
     * test-mode console token) asks. Call it before any write of what has no test copy: workspace configuration
     * (store settings, connections, model, voice, widget, team, workspaces) is what live customers are served with.
     */
    public void requireLiveMode() {
        if (mode == Mode.TEST) {
            throw new ApiException(
                    ErrorCode.INSUFFICIENT_PERMISSIONS, "error.insufficient_permissions.mode", Map.of("mode", "live"));
        }
    }

    /** Fails with 403 {@code insufficient_permissions} unless the key holds the scope. */
    public void require(Scope scope) {
        if (!has(scope)) {
            throw ApiException.forbidden(scope.value());
        }
    }
}
