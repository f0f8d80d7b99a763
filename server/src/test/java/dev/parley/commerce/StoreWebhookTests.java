package dev.parley.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.tenancy.internal.TenancyFixtures;
import dev.parley.tenancy.internal.TenancyFixtures.TestWorkspace;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Inbound order webhooks from Shopify and WooCommerce: signed bodies update the order cache once; anything unsigned,
 * wrongly signed or from an unknown shop is refused with 401 and stores nothing. The expected signatures are fixed
 * vectors computed outside Parley: {@code openssl dgst -sha256 -hmac SECRET -binary body | base64}.
 */
@ApiTest
@Tag("database")
class StoreWebhookTests {

    static final String SHOPIFY_BODY =
            "{\"id\":820982911946154508,\"admin_graphql_api_id\":\"gid://shopify/Order/820982911946154508\",\"name\":\"#2001\",\"email\":\"jon@example.com\",\"created_at\":\"2026-02-05T12:00:00-05:00\",\"cancelled_at\":null,\"currency\":\"USD\",\"total_price\":\"199.00\",\"financial_status\":\"paid\",\"fulfillment_status\":\"fulfilled\",\"customer\":{\"first_name\":\"Jon\",\"last_name\":\"Snow\"},\"line_items\":[{\"sku\":\"BOOT-9\",\"title\":\"Boots\",\"variant_title\":\"9\",\"quantity\":1,\"price\":\"199.00\"}],\"fulfillments\":[{\"created_at\":\"2026-02-06T09:00:00-05:00\",\"updated_at\":\"2026-02-07T09:00:00-05:00\",\"tracking_company\":\"FedEx\",\"tracking_number\":\"794612345678\",\"tracking_url\":\"https://www.fedex.com/fedextrack/?trknbr=794612345678\",\"shipment_status\":\"in_transit\"}],\"refunds\":[]}";
    /** openssl dgst -sha256 -hmac s3cret -binary shopify-body.json | base64 */
    static final String SHOPIFY_SIGNATURE = "uM/WpI5Sboggp+1k5b1suV4ynejUVZRfrFHNtZPVgbY=";

    static final String WOO_BODY =
            "{\"id\":727,\"number\":\"727\",\"status\":\"completed\",\"currency\":\"USD\",\"total\":\"42.50\",\"date_created_gmt\":\"2026-02-03T10:00:00\",\"date_modified_gmt\":\"2026-02-04T10:00:00\",\"billing\":{\"first_name\":\"Ada\",\"last_name\":\"Byron\",\"email\":\"ada@example.com\"},\"shipping\":{\"first_name\":\"Ada\",\"last_name\":\"Byron\",\"address_1\":\"5 Analytical Way\",\"city\":\"London\",\"postcode\":\"N1 9GU\",\"country\":\"GB\"},\"line_items\":[{\"name\":\"Tea mug\",\"sku\":\"MUG-1\",\"quantity\":2,\"price\":21.25}],\"refunds\":[],\"meta_data\":[{\"id\":1,\"key\":\"_wc_shipment_tracking_items\",\"value\":[{\"tracking_provider\":\"Royal Mail\",\"tracking_number\":\"RM123456789GB\",\"date_shipped\":\"1770192000\"}]}]}";
    /** openssl dgst -sha256 -hmac wc-secret -binary woo-body.json | base64 */
    static final String WOO_SIGNATURE = "a+K2g4lLtGIqze2LVJfo5LicsVbO6cGbttWBDb3TQuQ=";

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    Api api;
    String shop;

    @BeforeEach
    void connectAShopifyStore() {
        TestWorkspace workspace = fixtures.workspace();
        api = Api.at(port).withKey(workspace.liveKey());
        shop = "acme-" + UUID.randomUUID().toString().substring(0, 8) + ".myshopify.com";
        assertThat(api.send(
                                "PUT",
                                "/v1/store/connection",
                                Map.of(
                                        "platform",
                                        "shopify",
                                        "shop_domain",
                                        shop,
                                        "base_url",
                                        "http://127.0.0.2:9",
                                        "credentials",
                                        Map.of("access_token", "shpat_0123456789abcdef", "webhook_secret", "s3cret")))
                        .status())
                .isEqualTo(200);
    }

    private Api.Response shopify(String signature, String shopDomain, String webhookId, String body) {
        Api anonymous = Api.at(port).withHeader("X-Shopify-Topic", "orders/updated");
        if (signature != null) {
            anonymous = anonymous.withHeader("X-Shopify-Hmac-SHA256", signature);
        }
        if (shopDomain != null) {
            anonymous = anonymous.withHeader("X-Shopify-Shop-Domain", shopDomain);
        }
        if (webhookId != null) {
            anonymous = anonymous.withHeader("X-Shopify-Webhook-Id", webhookId);
        }
        return anonymous.send(
                "POST", "/v1/webhooks/shopify/orders", "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSignedShopifyOrderUpdatesTheCacheOnce() {
        String id = UUID.randomUUID().toString();
        Api.Response first = shopify(SHOPIFY_SIGNATURE, shop, id, SHOPIFY_BODY);

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().path("received").asBoolean()).isTrue();
        assertThat(first.json().path("order_id").asString()).isEqualTo("820982911946154508");
        assertThat(first.json().path("action").asString()).isEqualTo("cache_updated");

        var order = api.get("/v1/orders?customer_email=jon@example.com")
                .json()
                .path("data")
                .get(0);
        assertThat(order.path("order_number").asString()).isEqualTo("2001");
        assertThat(order.path("status").asString()).isEqualTo("in_transit");
        assertThat(order.at("/fulfillments/0/tracking_number").asString()).isEqualTo("794612345678");

        Api.Response replay = shopify(SHOPIFY_SIGNATURE, shop, id, SHOPIFY_BODY);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().path("action").asString()).isEqualTo("duplicate_ignored");
    }

    @Test
    void refusesMissingOrWrongSignaturesAndUnknownShopsAlike() {
        String tampered = SHOPIFY_BODY.replace("199.00", "1.00");
        for (Api.Response refused : new Api.Response[] {
            shopify(null, shop, "a", SHOPIFY_BODY),
            shopify(SHOPIFY_SIGNATURE, shop, "b", tampered),
            shopify("bm90IGEgc2lnbmF0dXJl", shop, "c", SHOPIFY_BODY),
            shopify("%%", shop, "d", SHOPIFY_BODY),
            shopify(SHOPIFY_SIGNATURE, "unknown-" + shop, "e", SHOPIFY_BODY),
            shopify(SHOPIFY_SIGNATURE, null, "f", SHOPIFY_BODY)
        }) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
            assertThat(refused.errorCode()).isEqualTo("invalid_signature");
        }
        assertThat(api.get("/v1/orders?customer_email=jon@example.com")
                        .json()
                        .at("/pagination/total_count")
                        .asLong())
                .isZero();
    }

    @Test
    void aSignedWooCommerceOrderUpdatesTheCache() {
        TestWorkspace workspace = fixtures.workspace();
        Api woo = Api.at(port).withKey(workspace.liveKey());
        String host = "shop-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
        assertThat(woo.send(
                                "PUT",
                                "/v1/store/connection",
                                Map.of(
                                        "platform",
                                        "woocommerce",
                                        "base_url",
                                        "http://127.0.0.2:9",
                                        "shop_domain",
                                        host,
                                        "credentials",
                                        Map.of(
                                                "consumer_key", "ck_abc",
                                                "consumer_secret", "cs_abc",
                                                "webhook_secret", "wc-secret")))
                        .status())
                .isEqualTo(200);

        Api.Response response = Api.at(port)
                .withHeader("X-WC-Webhook-Signature", WOO_SIGNATURE)
                .withHeader("X-WC-Webhook-Source", "https://" + host + "/")
                .withHeader("X-WC-Webhook-Topic", "order.updated")
                .withHeader("X-WC-Webhook-Delivery-ID", UUID.randomUUID().toString())
                .send(
                        "POST",
                        "/v1/webhooks/woocommerce/orders",
                        "application/json",
                        WOO_BODY.getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        var order = woo.get("/v1/orders/727").json();
        assertThat(order.path("customer_email").asString()).isEqualTo("ada@example.com");
        assertThat(order.path("total").decimalValue()).isEqualByComparingTo("42.50");
        assertThat(order.at("/fulfillments/0/tracking_number").asString()).isEqualTo("RM123456789GB");

        Api.Response forged = Api.at(port)
                .withHeader("X-WC-Webhook-Signature", SHOPIFY_SIGNATURE)
                .withHeader("X-WC-Webhook-Source", "https://" + host + "/")
                .withHeader("X-WC-Webhook-Topic", "order.updated")
                .send(
                        "POST",
                        "/v1/webhooks/woocommerce/orders",
                        "application/json",
                        WOO_BODY.getBytes(StandardCharsets.UTF_8));
        assertThat(forged.status()).isEqualTo(401);
    }
}
