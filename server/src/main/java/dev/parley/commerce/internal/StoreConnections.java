package dev.parley.commerce.internal;

import dev.parley.commerce.internal.StoreConnection.Credentials;
import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.ErrorCode;
import dev.parley.platform.FetchException;
import dev.parley.platform.GuardedFetcher;
import dev.parley.platform.Mode;
import dev.parley.platform.OutboundTargets;
import dev.parley.platform.SecretBox;
import dev.parley.tenancy.Workspaces;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which store each workspace is connected to, and the connector that speaks to it. A workspace without a connection
 * whose platform is {@code demo} (the bootstrap workspace) has the demo store. Test keys see the demo store's test
 * copy, never a real store.
 */
@Service
class StoreConnections {

    private final StoreConnectionRows storeConnectionRows;
    private final OrderCache cache;
    private final AssistantCancellations cancellations;
    private final SecretBox box;
    private final OutboundTargets targets;
    private final GuardedFetcher fetcher;
    private final StoreHealth health;
    private final Workspaces workspaces;
    private final JsonMapper json;
    private final CommerceProperties properties;
    private final Clock clock;

    StoreConnections(
            StoreConnectionRows storeConnectionRows,
            OrderCache cache,
            AssistantCancellations cancellations,
            SecretBox box,
            OutboundTargets targets,
            GuardedFetcher fetcher,
            StoreHealth health,
            Workspaces workspaces,
            JsonMapper json,
            CommerceProperties properties,
            Clock clock) {
        this.storeConnectionRows = storeConnectionRows;
        this.cache = cache;
        this.cancellations = cancellations;
        this.box = box;
        this.targets = targets;
        this.fetcher = fetcher;
        this.health = health;
        this.workspaces = workspaces;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    /** What a caller asks for; {@code credentials} keys as in {@link Credentials}, snake_case. */
    record Draft(
            String platform, String shopDomain, String baseUrl, Map<String, String> credentials, Integer maxDiscount) {}

    /** The workspace's connection, or the default demo store when its platform is demo, or none. */
    Optional<StoreConnection> get(String workspaceId) {
        Optional<StoreConnection> stored = storeConnectionRows.find(workspaceId);
        if (stored.isPresent()) {
            return stored;
        }
        if ("demo".equals(workspaces.platform(workspaceId))) {
            return Optional.of(new StoreConnection(
                    workspaceId, "demo", null, null, null, StoreConnection.DEFAULT_MAX_DISCOUNT_PERCENT, null, null));
        }
        return Optional.empty();
    }

    @Transactional
    StoreConnection put(Caller caller, Draft draft) {
        caller.requireLiveMode();
        if (draft.platform() == null) {
            throw ApiException.missingField("platform");
        }
        if (!StoreConnection.PLATFORMS.contains(draft.platform())) {
            throw ApiException.invalidField("platform", "invalid_value");
        }
        int maxDiscount =
                draft.maxDiscount() == null ? StoreConnection.DEFAULT_MAX_DISCOUNT_PERCENT : draft.maxDiscount();
        if (maxDiscount < 0 || maxDiscount > 100) {
            throw ApiException.invalidField("max_discount_percent", "out_of_range");
        }
        Credentials credentials = credentials(draft);
        ShopAddress address = address(draft, credentials);
        String shopDomain = address.shopDomain();
        String baseUrl = address.baseUrl();
        if (shopDomain != null) {
            Optional<StoreConnection> other = storeConnectionRows.findByShop(draft.platform(), shopDomain);
            if (other.isPresent() && !other.get().workspaceId().equals(caller.workspaceId())) {
                throw new ApiException(ErrorCode.CONFLICT, null, Map.of("field", "shop_domain"));
            }
        }
        Instant now = clock.instant();
        Instant created = storeConnectionRows
                .find(caller.workspaceId())
                .map(StoreConnection::createdAt)
                .orElse(now);
        StoreConnection connection = new StoreConnection(
                caller.workspaceId(),
                draft.platform(),
                shopDomain,
                baseUrl,
                box.seal(json.writeValueAsString(credentials), caller.workspaceId()),
                maxDiscount,
                created,
                now);
        storeConnectionRows.save(connection);
        // Orders cached from the previous store are not this store's.
        cache.clear(caller.workspaceId());
        cancellations.clear(caller.workspaceId());
        return connection;
    }

    /** Only the secrets a store connection knows; a blank one counts as none. */
    private static Credentials credentials(Draft draft) {
        Map<String, String> given = draft.credentials() == null ? Map.of() : draft.credentials();
        for (String name : given.keySet()) {
            if (!java.util.Set.of(
                            "access_token",
                            "consumer_key",
                            "consumer_secret",
                            "webhook_secret",
                            "customer_token_secret")
                    .contains(name)) {
                throw ApiException.invalidField("credentials." + name, "unknown_field");
            }
        }
        return new Credentials(
                blank(given.get("access_token")),
                blank(given.get("consumer_key")),
                blank(given.get("consumer_secret")),
                blank(given.get("webhook_secret")),
                blank(given.get("customer_token_secret")));
    }

    /** Where the shop is: its domain (which identifies it among workspaces) and the base URL Parley calls. */
    private record ShopAddress(String shopDomain, String baseUrl) {}

    /** The shop's address as the platform needs it, each required part checked. */
    private ShopAddress address(Draft draft, Credentials credentials) {
        String shopDomain = null;
        String baseUrl = null;
        switch (draft.platform()) {
            case "shopify" -> {
                shopDomain = blank(draft.shopDomain());
                baseUrl = blank(draft.baseUrl());
                if (shopDomain == null && baseUrl == null) {
                    throw ApiException.missingField("shop_domain");
                }
                if (shopDomain != null && !shopDomain.matches("[A-Za-z0-9.-]{1,253}(:\\d{1,5})?")) {
                    throw ApiException.invalidField("shop_domain", "invalid_format");
                }
                require(credentials.accessToken(), "credentials.access_token");
                baseUrl = checked(baseUrl != null ? baseUrl : "https://" + shopDomain);
                shopDomain = shopDomain != null ? shopDomain.toLowerCase(Locale.ROOT) : host(baseUrl);
            }
            case "woocommerce" -> {
                baseUrl = blank(draft.baseUrl());
                if (baseUrl == null) {
                    throw ApiException.missingField("base_url");
                }
                require(credentials.consumerKey(), "credentials.consumer_key");
                require(credentials.consumerSecret(), "credentials.consumer_secret");
                baseUrl = checked(baseUrl);
                shopDomain = blank(draft.shopDomain()) != null
                        ? draft.shopDomain().strip().toLowerCase(Locale.ROOT)
                        : host(baseUrl);
            }
            default -> {}
        }
        return new ShopAddress(shopDomain, baseUrl);
    }

    @Transactional
    boolean delete(Caller caller) {
        caller.requireLiveMode();
        cache.clear(caller.workspaceId());
        cancellations.clear(caller.workspaceId());
        return storeConnectionRows.delete(caller.workspaceId());
    }

    Credentials credentials(StoreConnection connection) {
        if (connection.sealedCredentials() == null) {
            return Credentials.none();
        }
        return json.readValue(box.open(connection.sealedCredentials(), connection.workspaceId()), Credentials.class);
    }

    /** Whether a store answers for this workspace and mode (test keys reach only the demo store). */
    boolean connected(String workspaceId, Mode mode) {
        return get(workspaceId)
                .map(c -> mode == Mode.LIVE || c.platform().equals("demo"))
                .orElse(false);
    }

    /** The connector for a workspace and mode, or empty when no store is connected (or a test key asks a real one). */
    Optional<StoreConnector> connector(String workspaceId, Mode mode) {
        Optional<StoreConnection> found = get(workspaceId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StoreConnection connection = found.get();
        return switch (connection.platform()) {
            case "demo" -> {
                if (!cache.any(workspaceId, mode)) {
                    DemoCatalogue.orders(clock.instant()).forEach(order -> cache.put(workspaceId, mode, order));
                }
                yield Optional.of(new DemoStore(workspaceId, mode, cache, clock));
            }
            case "shopify", "woocommerce" -> mode == Mode.LIVE ? remote(connection) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private Optional<StoreConnector> remote(StoreConnection connection) {
        URI base = URI.create(connection.baseUrl());
        return Optional.of(
                connection.platform().equals("shopify")
                        ? new ShopifyStore(
                                base, credentials(connection), fetcher, health, json, properties.storeTimeout())
                        : new WooCommerceStore(
                                base, credentials(connection), fetcher, health, json, properties.storeTimeout()));
    }

    private String checked(String url) {
        try {
            URI uri = targets.check(url);
            return uri.toString().replaceAll("/+$", "");
        } catch (FetchException e) {
            throw switch (e.reason()) {
                case BLOCKED_ADDRESS -> ApiException.invalidField("base_url", "blocked_target");
                default -> ApiException.invalidField("base_url", "invalid_value");
            };
        }
    }

    private static String host(String url) {
        URI uri = URI.create(url);
        return (uri.getPort() > 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost()).toLowerCase(Locale.ROOT);
    }

    private static void require(String value, String field) {
        if (value == null) {
            throw ApiException.missingField(field);
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
