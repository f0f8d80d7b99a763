package dev.parley.commerce.internal;

import dev.parley.commerce.internal.StoreConnector.Order;
import dev.parley.platform.ApiException;
import dev.parley.platform.Digests;
import dev.parley.platform.ErrorCode;
import dev.parley.platform.Mode;
import dev.parley.platform.PublicPath;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Order webhooks from the stores (seed 001): {@code POST /v1/webhooks/shopify/orders} and
 * {@code POST /v1/webhooks/woocommerce/orders}. No API key: the sender is found by its shop domain and proven by the
 * base64 HMAC-SHA256 of the raw body under the connection's {@code webhook_secret}, compared in constant time. An
 * unknown shop and a wrong signature get the same 401, and nothing is stored; a delivery id seen before is
 * acknowledged without being processed again.
 */
@RestController
class StoreWebhookController {

    static final Set<String> SHOPIFY_ORDER_TOPICS = Set.of(
            "orders/create",
            "orders/updated",
            "orders/paid",
            "orders/cancelled",
            "orders/fulfilled",
            "orders/partially_fulfilled",
            "orders/edited");

    private final StoreConnectionRows connections;
    private final StoreConnections stores;
    private final OrderCache cache;
    private final WebhookReceipts receipts;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;

    StoreWebhookController(
            StoreConnectionRows connections,
            StoreConnections stores,
            OrderCache cache,
            WebhookReceipts receipts,
            TransactionTemplate transactions,
            JsonMapper json,
            Clock clock) {
        this.connections = connections;
        this.stores = stores;
        this.cache = cache;
        this.receipts = receipts;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    @Bean
    static PublicPath shopifyWebhooks() {
        return new PublicPath("/v1/webhooks/shopify/");
    }

    @Bean
    static PublicPath wooCommerceWebhooks() {
        return new PublicPath("/v1/webhooks/woocommerce/");
    }

    record Received(boolean received, String orderId, String action) {}

    @PostMapping("/v1/webhooks/shopify/orders")
    Received shopify(
            @RequestHeader(name = "X-Shopify-Hmac-SHA256", required = false) String signature,
            @RequestHeader(name = "X-Shopify-Topic", required = false) String topic,
            @RequestHeader(name = "X-Shopify-Shop-Domain", required = false) String shopDomain,
            @RequestHeader(name = "X-Shopify-Webhook-Id", required = false) String webhookId,
            @RequestBody(required = false) byte[] body) {
        StoreConnection connection = verified("shopify", shopDomain, signature, body);
        JsonNode payload = parse(body);
        String orderId = payload.path("id").asString(null);
        if (topic == null || !SHOPIFY_ORDER_TOPICS.contains(topic)) {
            return new Received(true, orderId, "ignored");
        }
        Order order;
        try {
            order = ShopifyPayloads.order(payload);
        } catch (RuntimeException unreadable) {
            throw ApiException.invalidField("body", "invalid_value");
        }
        return store(connection, "shopify", webhookId, order, orderId);
    }

    @PostMapping("/v1/webhooks/woocommerce/orders")
    Received wooCommerce(
            @RequestHeader(name = "X-WC-Webhook-Signature", required = false) String signature,
            @RequestHeader(name = "X-WC-Webhook-Source", required = false) String source,
            @RequestHeader(name = "X-WC-Webhook-Topic", required = false) String topic,
            @RequestHeader(name = "X-WC-Webhook-Delivery-ID", required = false) String deliveryId,
            @RequestBody(required = false) byte[] body) {
        StoreConnection connection = verified("woocommerce", host(source), signature, body);
        if (topic == null || !topic.startsWith("order.")) {
            // WooCommerce pings a new webhook with a form body ("webhook_id=..."): acknowledged, nothing to store.
            return new Received(true, null, "ignored");
        }
        JsonNode payload = parse(body);
        Order order;
        try {
            order = WooCommerceStore.order(payload);
        } catch (RuntimeException unreadable) {
            throw ApiException.invalidField("body", "invalid_value");
        }
        return store(connection, "woocommerce", deliveryId, order, order.id());
    }

    private Received store(StoreConnection connection, String source, String deliveryId, Order order, String orderId) {
        if (order.number() == null || order.number().isBlank() || order.number().length() > 64) {
            throw ApiException.invalidField("body", "invalid_value");
        }
        String delivery = deliveryId == null || deliveryId.isBlank()
                ? Digests.sha256Hex(json.writeValueAsString(order))
                : deliveryId.strip();
        return transactions.execute(tx -> {
            if (!receipts.first(connection.workspaceId(), source, abbreviate(delivery), clock.instant())) {
                return new Received(true, orderId, "duplicate_ignored");
            }
            cache.put(connection.workspaceId(), Mode.LIVE, order);
            return new Received(true, orderId, "cache_updated");
        });
    }

    /** The connection the signature proves, or a 401 that says nothing about which part was wrong. */
    private StoreConnection verified(String platform, String shopDomain, String signature, byte[] body) {
        ApiException refused = new ApiException(ErrorCode.INVALID_SIGNATURE);
        if (shopDomain == null || signature == null || body == null) {
            throw refused;
        }
        Optional<StoreConnection> connection =
                connections.findByShop(platform, shopDomain.strip().toLowerCase(Locale.ROOT));
        if (connection.isEmpty()) {
            throw refused;
        }
        String secret = stores.credentials(connection.get()).webhookSecret();
        if (secret == null) {
            throw refused;
        }
        byte[] expected = Digests.hmacSha256(secret.getBytes(StandardCharsets.UTF_8), body);
        byte[] given;
        try {
            given = Base64.getDecoder().decode(signature.strip());
        } catch (IllegalArgumentException notBase64) {
            throw refused;
        }
        if (!Digests.sameSignature(expected, given)) {
            throw refused;
        }
        return connection.get();
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw ApiException.invalidField("body", "invalid_value");
            }
            return node;
        } catch (tools.jackson.core.JacksonException malformed) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "error.invalid_request.malformed_json", Map.of());
        }
    }

    private static String host(String source) {
        if (source == null || source.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(source.strip());
            if (uri.getHost() == null) {
                return null;
            }
            return uri.getPort() > 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String abbreviate(String id) {
        return id.length() > 200 ? Digests.sha256Hex(id) : id;
    }
}
