package dev.parley.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.commerce.FakeStoreServer.Response;
import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.tenancy.internal.TenancyFixtures;
import dev.parley.tenancy.internal.TenancyFixtures.TestStore;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Shopify connector against a fake Admin GraphQL API on 127.0.0.2 that answers in Shopify's documented format,
 * cost-based throttling ({@code extensions.cost.throttleStatus}) included.
 */
@ApiTest
@Tag("database")
class ShopifyStoreTests {

    static final String ORDER_1001 = """
            {"data":{"orders":{"nodes":[{"id":"gid://shopify/Order/5001","name":"#1001","email":"jane@example.com",
            "createdAt":"2026-02-01T10:00:00Z","cancelledAt":null,"displayFinancialStatus":"PAID",
            "displayFulfillmentStatus":"FULFILLED","currencyCode":"USD",
            "totalPriceSet":{"shopMoney":{"amount":"89.00","currencyCode":"USD"}},
            "totalRefundedSet":{"shopMoney":{"amount":"0.0","currencyCode":"USD"}},
            "customer":{"displayName":"Jane Doe","email":"jane@example.com"},
            "shippingAddress":{"name":"Jane Doe","address1":"1 Market St","address2":null,"city":"San Francisco",
              "province":"California","zip":"94105","countryCodeV2":"US"},
            "lineItems":{"nodes":[{"sku":"RUN-10","title":"Runner","variantTitle":"Black / 10","quantity":1,
              "originalUnitPriceSet":{"shopMoney":{"amount":"89.00"}}}]},
            "fulfillments":[{"status":"SUCCESS","displayStatus":"IN_TRANSIT","createdAt":"2026-02-02T10:00:00Z",
              "estimatedDeliveryAt":"2026-02-06T18:00:00Z","deliveredAt":null,
              "trackingInfo":[{"company":"USPS","number":"9400111899223","url":"https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223"}]}]
            }]}},
            "extensions":{"cost":{"requestedQueryCost":52,"actualQueryCost":12,
              "throttleStatus":{"maximumAvailable":2000.0,"currentlyAvailable":1988,"restoreRate":100.0}}}}
            """;

    static final String THROTTLED = """
            {"errors":[{"message":"Throttled","extensions":{"code":"THROTTLED",
              "documentation":"https://shopify.dev/api/usage/rate-limits"}}],
             "extensions":{"cost":{"requestedQueryCost":52,"actualQueryCost":null,
              "throttleStatus":{"maximumAvailable":2000.0,"currentlyAvailable":2,"restoreRate":1000.0}}}}
            """;

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    FakeStoreServer shopify;
    Api api;

    @BeforeEach
    void connectAShopifyStore() throws Exception {
        shopify = new FakeStoreServer();
        TestStore store = fixtures.store();
        api = Api.at(port).withKey(store.liveKey());
        Api.Response put = api.send(
                "PUT",
                "/v1/store/connection",
                Map.of(
                        "platform",
                        "shopify",
                        "shop_domain",
                        "acme-" + UUID.randomUUID().toString().substring(0, 8) + ".myshopify.com",
                        "base_url",
                        shopify.url(),
                        "credentials",
                        Map.of("access_token", "shpat_0123456789abcdef", "webhook_secret", "s3cret")));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.json().at("/credentials/access_token").asString()).isEqualTo("****cdef");
    }

    @AfterEach
    void stop() {
        shopify.close();
    }

    @Test
    void readsAnOrderThroughTheAdminGraphQlApi() {
        shopify.otherwise(r -> Response.json(ORDER_1001));

        Api.Response response = api.get("/v1/orders/1001");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode order = response.json();
        assertThat(order.path("id").asString()).isEqualTo("gid://shopify/Order/5001");
        assertThat(order.path("order_number").asString()).isEqualTo("1001");
        assertThat(order.path("status").asString()).isEqualTo("in_transit");
        assertThat(order.path("total").decimalValue()).isEqualByComparingTo("89.00");
        assertThat(order.at("/fulfillments/0/tracking_company").asString()).isEqualTo("USPS");

        FakeStoreServer.Request sent = shopify.requests().getFirst();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/admin/api/2025-10/graphql.json");
        assertThat(sent.header("X-Shopify-Access-Token")).isEqualTo("shpat_0123456789abcdef");
        JsonNode body = JSON.readTree(sent.body());
        assertThat(body.path("query").asString()).contains("orders(first: 1, query: $q)");
        assertThat(body.at("/variables/q").asString()).isEqualTo("name:#1001");
    }

    @Test
    void waitsOutCostThrottlingAndRetries() {
        shopify.then(Response.json(THROTTLED))
                .then(new Response(429, Map.of("Retry-After", "0.1"), "{\"errors\":\"Exceeded 2 calls per second\"}"))
                .otherwise(r -> Response.json(ORDER_1001));

        Api.Response response = api.get("/v1/orders/1001");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(shopify.requests()).hasSize(3);
    }

    @Test
    void answersIntegrationErrorAfterRetriesAndAnOfflineApologyInAConversation() {
        shopify.otherwise(r -> new Response(503, Map.of(), "{\"errors\":\"Service Unavailable\"}"));

        Api.Response response = api.get("/v1/orders/1001");

        assertThat(response.status()).isEqualTo(502);
        assertThat(response.errorCode()).isEqualTo("integration_error");
        assertThat(shopify.requests()).hasSize(4);
        assertThat(Api.at(port).get("/health").json().at("/checks/shopify").asString())
                .isEqualTo("degraded");

        Api.Response conversation = api.post(
                "/v1/conversations",
                Map.of("initial_message", "Where is my order #1001? My email is jane@example.com"));
        assertThat(conversation.status()).isEqualTo(200);
        assertThat(conversation.json().at("/response/content").asString())
                .contains("can't reach the order system right now");
        assertThat(conversation.json().at("/actions_taken/0/details/reason").asString())
                .isEqualTo("store_unavailable");

        // The store answers again: health follows.
        shopify.otherwise(r -> Response.json(ORDER_1001));
        assertThat(api.get("/v1/orders/1001").status()).isEqualTo(200);
        assertThat(Api.at(port).get("/health").json().at("/checks/shopify").asString())
                .isEqualTo("healthy");
    }

    @Test
    void aConversationAnswersFromTheShopifyOrder() {
        shopify.otherwise(r -> Response.json(ORDER_1001));

        Api.Response response = api.post(
                "/v1/conversations",
                Map.of("initial_message", "Where is my order #1001? My email is jane@example.com"));

        assertThat(response.json().at("/response/content").asString())
                .contains("USPS")
                .contains("9400111899223");
    }
}
