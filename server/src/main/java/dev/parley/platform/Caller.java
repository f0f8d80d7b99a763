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
 * @param visitorToken for a publishable key, the widget visitor's token ({@value #VISITOR_TOKEN_HEADER}): it reaches
 *     only the conversations bound to that token; {@code null} when none was sent or the caller is not publishable
 */
public record Caller(
        String workspaceId,
        Mode mode,
        String keyId,
        KeyKind kind,
        Set<Scope> scopes,
        long hourlyQuota,
        String domain,
        String agentId,
        String visitorToken) {

    /** The request header in which the widget sends back the visitor token it got when it opened its conversation. */
    public static final String VISITOR_TOKEN_HEADER = "X-Parley-Visitor-Token";

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
        this(workspaceId, mode, keyId, kind, scopes, hourlyQuota, domain, null, null);
    }

    /** A caller authenticated by a console token ({@code agentId} set) or by an API key ({@code null}). */
    public Caller(
            String workspaceId,
            Mode mode,
            String keyId,
            KeyKind kind,
            Set<Scope> scopes,
            long hourlyQuota,
            String domain,
            String agentId) {
        this(workspaceId, mode, keyId, kind, scopes, hourlyQuota, domain, agentId, null);
    }

    /** Whether a publishable widget key (or a session token, which has a widget's rights) makes this request. */
    public boolean isPublishable() {
        return kind == KeyKind.PUBLISHABLE;
    }

    /** The same publishable caller, proving itself the visitor of the conversations bound to {@code token}. */
    public Caller visiting(String token) {
        if (!isPublishable()) {
            return this;
        }
        String given = token == null || token.isBlank() ? null : token.strip();
        return new Caller(workspaceId, mode, keyId, kind, scopes, hourlyQuota, domain, agentId, given);
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
