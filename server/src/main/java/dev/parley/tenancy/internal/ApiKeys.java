package dev.parley.tenancy.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.Caller.KeyKind;
import dev.parley.platform.CallerResolver;
import dev.parley.platform.ErrorCode;
import dev.parley.platform.Ids;
import dev.parley.platform.Mode;
import dev.parley.platform.Page;
import dev.parley.platform.PageQuery;
import dev.parley.platform.Scope;
import dev.parley.tenancy.ApiKeyRevoked;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Issues, lists and revokes API keys, and authenticates requests by them. Authentications are cached for a few
 * seconds; a revocation clears this node's cache at once, and other nodes' within {@link #CACHE_TTL}.
 */
@Service
class ApiKeys implements CallerResolver {

    static final Duration CACHE_TTL = Duration.ofSeconds(5);

    private final ApiKeyRepository keys;
    private final WorkspaceRepository workspaces;
    private final Team team;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Cache<String, Optional<Resolved>> cache = Caffeine.newBuilder()
            .expireAfterWrite(CACHE_TTL)
            .maximumSize(100_000)
            .build();
    /** Whether a key or console session (by id) still holds, as streams re-check it. */
    private final Cache<String, Boolean> valid = Caffeine.newBuilder()
            .expireAfterWrite(CACHE_TTL)
            .maximumSize(100_000)
            .build();

    ApiKeys(
            ApiKeyRepository keys,
            WorkspaceRepository workspaces,
            Team team,
            Clock clock,
            ApplicationEventPublisher events) {
        this.keys = keys;
        this.workspaces = workspaces;
        this.team = team;
        this.clock = clock;
        this.events = events;
    }

    /** A key just made, with its secret, which is never shown again. */
    record Issued(ApiKey key, String secret) {}

    private record Resolved(ApiKey key, Workspace workspace) {}

    Issued issue(String workspaceId, KeyKind kind, Mode mode, String name, Set<Scope> scopes) {
        String secret = ApiKey.newSecret(kind, mode);
        return register(workspaceId, secret, name, kind == KeyKind.PUBLISHABLE ? Set.of(Scope.WIDGET) : scopes);
    }

    /** Stores a key whose secret was chosen outside, such as the operator's bootstrap key. */
    Issued register(String workspaceId, String secret, String name, Set<Scope> scopes) {
        if (!ApiKey.FORMAT.matcher(secret).matches()) {
            throw ApiException.invalidField("key", "invalid_format");
        }
        ApiKey key = new ApiKey(
                Ids.next("key"),
                workspaceId,
                ApiKey.kindOf(secret),
                ApiKey.modeOf(secret),
                name,
                scopes.isEmpty() ? EnumSet.noneOf(Scope.class) : EnumSet.copyOf(scopes),
                ApiKey.hash(secret),
                ApiKey.mask(secret),
                clock.instant(),
                null);
        keys.insert(key);
        return new Issued(key, secret);
    }

    /**
     * Issues a key of the named type ({@code secret} by default) and mode (the caller's by default) for a caller.
     */
    Issued issueFor(Caller caller, String type, String mode, String name, List<String> scopeNames) {
        KeyKind kind = switch (type == null ? "secret" : type) {
            case "secret" -> KeyKind.SECRET;
            case "publishable" -> KeyKind.PUBLISHABLE;
            default -> throw ApiException.invalidField("type", "invalid_value");
        };
        Mode keyMode = switch (mode == null ? caller.mode().wire() : mode) {
            case "live" -> Mode.LIVE;
            case "test" -> Mode.TEST;
            default -> throw ApiException.invalidField("mode", "invalid_value");
        };
        if (name != null && name.length() > 200) {
            throw ApiException.invalidField("name", "too_long");
        }
        return issueFor(caller, kind, keyMode, name, scopeNames);
    }

    /** Issues a key on behalf of a caller, who can grant no more than it holds and, in test mode, only test keys. */
    Issued issueFor(Caller caller, KeyKind kind, Mode mode, String name, List<String> scopeNames) {
        if (mode == Mode.LIVE) {
            caller.requireLiveMode();
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        if (scopeNames == null) {
            scopes.addAll(Scope.secretDefaults());
            scopes.retainAll(caller.scopes());
        } else {
            for (String scopeName : scopeNames) {
                Scope scope =
                        Scope.of(scopeName).orElseThrow(() -> ApiException.invalidField("scopes", "invalid_value"));
                if (!caller.has(scope)) {
                    throw ApiException.forbidden(scope.value());
                }
                scopes.add(scope);
            }
        }
        return issue(caller.workspaceId(), kind, mode, name, scopes);
    }

    Page<ApiKey> list(Caller caller, boolean includeRevoked, PageQuery page) {
        List<Mode> modes = visibleModes(caller);
        return Page.of(
                keys.page(caller.workspaceId(), modes, includeRevoked, page),
                page,
                keys.count(caller.workspaceId(), modes, includeRevoked));
    }

    ApiKey get(Caller caller, String id) {
        return keys.find(caller.workspaceId(), visibleModes(caller), id)
                .orElseThrow(() -> ApiException.notFound("api_key", id));
    }

    ApiKey revoke(Caller caller, String id) {
        ApiKey key = get(caller, id);
        requireHoldsAll(caller, key);
        boolean revoked = keys.revoke(caller.workspaceId(), id, clock.instant());
        cache.invalidateAll();
        valid.invalidate(id);
        if (revoked) {
            events.publishEvent(new ApiKeyRevoked(caller.workspaceId(), id));
        }
        return get(caller, key.id());
    }

    /** Workspace changes (plan, domains) reach authenticated callers at once on this node. */
    void forgetCachedCallers() {
        cache.invalidateAll();
    }

    @Override
    public Optional<Caller> resolve(String token, String domain, String origin) {
        if (Team.isConsoleToken(token)) {
            return team.resolve(token);
        }
        if (!ApiKey.FORMAT.matcher(token).matches()) {
            return Optional.empty();
        }
        Optional<Resolved> found = cache.get(
                ApiKey.hash(token),
                hash -> keys.findByHash(hash)
                        .map(key -> new Resolved(
                                key, workspaces.find(key.workspaceId()).orElseThrow())));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ApiKey key = found.get().key();
        Workspace workspace = found.get().workspace();
        if (key.revoked()) {
            throw new ApiException(ErrorCode.INVALID_API_KEY, null, Map.of("reason", "revoked"));
        }
        String chosenDomain = null;
        if (domain != null && !domain.isBlank()) {
            if (!workspace.allows(domain.strip())) {
                throw new ApiException(
                        ErrorCode.DOMAIN_NOT_CONFIGURED, null, Map.of("domain", domain.strip()), domain.strip());
            }
            chosenDomain = domain.strip().toLowerCase(java.util.Locale.ROOT);
        }
        if (key.kind() == KeyKind.PUBLISHABLE) {
            // A publishable key is public (it sits in the store's pages): only the browser's Origin ties it to them.
            if (origin == null || origin.isBlank()) {
                throw new ApiException(
                        ErrorCode.DOMAIN_NOT_CONFIGURED,
                        "error.domain_not_configured.origin_missing",
                        Map.of("reason", "origin_missing"));
            }
            String host = originHost(origin);
            if (host == null || !workspace.allows(host)) {
                throw new ApiException(
                        ErrorCode.DOMAIN_NOT_CONFIGURED, null, Map.of("origin", origin), String.valueOf(host));
            }
        }
        return Optional.of(new Caller(
                workspace.id(), key.mode(), key.id(), key.kind(), scopes(key), workspace.hourlyQuota(), chosenDomain));
    }

    @Override
    public boolean stillValid(Caller caller) {
        return valid.get(
                caller.keyId(),
                id -> caller.isAgent()
                        ? team.sessionActive(caller)
                        : keys.find(caller.workspaceId(), List.of(Mode.LIVE, Mode.TEST), id)
                                .filter(key -> !key.revoked())
                                .isPresent());
    }

    /** Managing the team is part of the store's settings: a key that may change settings may manage agents. */
    private static Set<Scope> scopes(ApiKey key) {
        if (key.scopes().contains(Scope.SETTINGS_WRITE) && !key.scopes().contains(Scope.AGENTS_WRITE)) {
            EnumSet<Scope> more = EnumSet.copyOf(key.scopes());
            more.add(Scope.AGENTS_WRITE);
            return more;
        }
        return key.scopes();
    }

    private static String originHost(String origin) {
        try {
            URI uri = URI.create(origin.strip());
            if (uri.getHost() == null) {
                return null;
            }
            return uri.getPort() > 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * A caller revokes only keys that hold no more than it does (as it issues only such keys), so {@code keys:write}
     * alone cannot take away a stronger key. A publishable key's {@code widget} is what any key that may write keys
     * grants.
     */
    private static void requireHoldsAll(Caller caller, ApiKey key) {
        for (Scope scope : key.scopes()) {
            boolean granted = key.kind() == KeyKind.PUBLISHABLE && scope == Scope.WIDGET;
            if (!granted && !caller.has(scope)) {
                throw ApiException.forbidden(scope.value());
            }
        }
    }

    private static List<Mode> visibleModes(Caller caller) {
        return caller.mode() == Mode.TEST ? List.of(Mode.TEST) : List.of(Mode.LIVE, Mode.TEST);
    }
}
