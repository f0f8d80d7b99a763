package dev.parley.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.commerce.FakeStoreServer.Response;
import dev.parley.commerce.internal.CommerceFixtures;
import dev.parley.platform.Mode;
import dev.parley.platform.Scope;
import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.tenancy.internal.TenancyFixtures;
import dev.parley.tenancy.internal.TenancyFixtures.TestWorkspace;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

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

    @Autowired
    CommerceFixtures commerce;

    FakeStoreServer shopify;
    Api api;
    String storeId;

    @BeforeEach
    void connectAShopifyStore() throws Exception {
        shopify = new FakeStoreServer();
        TestWorkspace workspace = fixtures.workspace();
        storeId = workspace.id();
        api = Api.at(port).withKey(workspace.liveKey());
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
    void refundsReturnsDiscountsAndAddressChangesSendShopifysDocumentedMutations() {
        api.patch(
                "/v1/stores/" + storeId,
                Map.of("settings", Map.of("auto_refund_enabled", true, "auto_refund_limit", 50.00)));
        String delivered = edited(o -> {
            ObjectNode f = (ObjectNode) o.path("fulfillments").get(0);
            f.put("displayStatus", "DELIVERED");
            f.put("deliveredAt", Instant.now().minus(Duration.ofDays(2)).toString());
        });
        String unfulfilled = edited(o -> {
            o.put("displayFulfillmentStatus", "UNFULFILLED");
            o.set("fulfillments", JSON.createArrayNode());
        });
        AtomicReference<String> order = new AtomicReference<>(delivered);
        shopify.otherwise(r -> {
            String query = JSON.readTree(r.body()).path("query").asString();
            if (query.contains("transactions(first")) {
                return Response.json("""
                        {"data":{"order":{"transactions":[
                          {"id":"gid://shopify/OrderTransaction/7000","kind":"AUTHORIZATION","status":"SUCCESS",
                           "gateway":"shopify_payments","amountSet":{"shopMoney":{"amount":"89.00","currencyCode":"USD"}}},
                          {"id":"gid://shopify/OrderTransaction/7001","kind":"CAPTURE","status":"SUCCESS",
                           "gateway":"shopify_payments","amountSet":{"shopMoney":{"amount":"89.00","currencyCode":"USD"}}}
                        ]}}}""");
            }
            if (query.contains("refundCreate")) {
                return Response.json("{\"data\":{\"refundCreate\":{\"refund\":{\"id\":\"gid://shopify/Refund/9001\"},"
                        + "\"order\":" + JSON.readTree(order.get()).at("/data/orders/nodes/0")
                        + ",\"userErrors\":[]}}}");
            }
            if (query.contains("returnableFulfillments")) {
                return Response.json("""
                        {"data":{"returnableFulfillments":{"nodes":[{"returnableFulfillmentLineItems":{"nodes":[
                          {"fulfillmentLineItem":{"id":"gid://shopify/FulfillmentLineItem/8001"},"quantity":1}]}}]}}}""");
            }
            if (query.contains("returnCreate")) {
                return Response.json("""
                        {"data":{"returnCreate":{"return":{"id":"gid://shopify/Return/945","name":"#1001-R1",
                          "status":"OPEN","reverseFulfillmentOrders":{"nodes":[{"reverseDeliveries":{"nodes":[
                          {"deliverable":{"label":{"publicFileUrl":"https://cdn.shopify.com/s/files/label-945.pdf"},
                           "tracking":{"carrierName":"UPS","number":"1ZRET945","url":null}}}]}}]}},
                          "userErrors":[]}}}""");
            }
            if (query.contains("discountCodeBasicCreate")) {
                return Response.json("{\"data\":{\"discountCodeBasicCreate\":{\"codeDiscountNode\":"
                        + "{\"id\":\"gid://shopify/DiscountCodeNode/1\"},\"userErrors\":[]}}}");
            }
            if (query.contains("orderUpdate")) {
                return Response.json("{\"data\":{\"orderUpdate\":{\"order\":"
                        + JSON.readTree(order.get()).at("/data/orders/nodes/0") + ",\"userErrors\":[]}}}");
            }
            return Response.json(order.get());
        });

        // a refund under the limit goes back through the captured payment
        JsonNode refund = tool("refund", Map.of("order_number", "1001", "amount", 20));
        assertThat(refund.path("status").asString()).as(refund.toString()).isEqualTo("executed");
        JsonNode transactions = variablesOf("transactions(first");
        assertThat(transactions.path("id").asString()).isEqualTo("gid://shopify/Order/5001");
        JsonNode refundInput = variablesOf("refundCreate").path("input");
        assertThat(refundInput.path("orderId").asString()).isEqualTo("gid://shopify/Order/5001");
        JsonNode transaction = refundInput.at("/transactions/0");
        assertThat(transaction.path("parentId").asString()).isEqualTo("gid://shopify/OrderTransaction/7001");
        assertThat(transaction.path("gateway").asString()).isEqualTo("shopify_payments");
        assertThat(transaction.path("kind").asString()).isEqualTo("REFUND");
        assertThat(transaction.path("amount").asString()).isEqualTo("20.00");
        assertThat(transaction.path("orderId").asString()).isEqualTo("gid://shopify/Order/5001");

        // a return of the delivered order, with the label Shopify attached to it
        JsonNode ret = tool("request_return", Map.of("order_number", "1001"));
        assertThat(ret.at("/action/type").asString()).as(ret.toString()).isEqualTo("return_label_generated");
        assertThat(ret.at("/action/details/return_id").asString()).isEqualTo("#1001-R1");
        assertThat(ret.at("/action/details/label_url").asString())
                .isEqualTo("https://cdn.shopify.com/s/files/label-945.pdf");
        assertThat(ret.at("/action/details/tracking_number").asString()).isEqualTo("1ZRET945");
        assertThat(variablesOf("returnableFulfillments").path("id").asString()).isEqualTo("gid://shopify/Order/5001");
        JsonNode returnInput = variablesOf("returnCreate").path("input");
        assertThat(returnInput.path("orderId").asString()).isEqualTo("gid://shopify/Order/5001");
        assertThat(returnInput.at("/returnLineItems/0/fulfillmentLineItemId").asString())
                .isEqualTo("gid://shopify/FulfillmentLineItem/8001");
        assertThat(returnInput.at("/returnLineItems/0/quantity").asInt()).isEqualTo(1);
        assertThat(returnInput.at("/returnLineItems/0/returnReason").asString()).isEqualTo("UNKNOWN");

        // the apology discount for an order the unhappy customer reports damaged, single use
        JsonNode discount = api.post(
                        "/v1/test/tool-execution",
                        Map.of(
                                "tool", "apply_discount",
                                "parameters", Map.of("order_number", "1001", "percent", 10),
                                "facts",
                                        Map.of(
                                                "email_given", "jane@example.com",
                                                "customer_sentiment", "negative",
                                                "reported_problem", "damaged")))
                .json();
        assertThat(discount.at("/action/details/code").asString())
                .as(discount.toString())
                .isEqualTo("SORRY10");
        JsonNode code = variablesOf("discountCodeBasicCreate").path("d");
        assertThat(code.path("code").asString()).isEqualTo("SORRY10");
        assertThat(code.path("usageLimit").asInt()).isEqualTo(1);
        assertThat(code.at("/customerGets/value/percentage").asDouble()).isEqualTo(0.1);

        // an address change, only before fulfilment
        JsonNode shipped = tool("change_address", newAddress());
        assertThat(shipped.at("/action/details/reason").asString()).isEqualTo("already_shipped");
        assertThat(requestsWith("orderUpdate")).isEmpty();
        order.set(unfulfilled);
        JsonNode moved = tool("change_address", newAddress());
        assertThat(moved.path("status").asString()).as(moved.toString()).isEqualTo("executed");
        JsonNode update = variablesOf("orderUpdate").path("input");
        assertThat(update.path("id").asString()).isEqualTo("gid://shopify/Order/5001");
        assertThat(update.at("/shippingAddress/address1").asString()).isEqualTo("1 New Street");
        assertThat(update.at("/shippingAddress/city").asString()).isEqualTo("Austin");
        assertThat(update.at("/shippingAddress/zip").asString()).isEqualTo("73301");
        assertThat(update.at("/shippingAddress/countryCode").asString()).isEqualTo("US");
    }

    @Test
    void cancelsAnUnfulfilledOrderWithOrderCancelOnceAndNeverAShippedOne() {
        String unfulfilled = edited(o -> {
            o.put("displayFulfillmentStatus", "UNFULFILLED");
            o.set("fulfillments", JSON.createArrayNode());
        });
        AtomicReference<String> order = new AtomicReference<>(ORDER_1001);
        shopify.otherwise(r -> JSON.readTree(r.body()).path("query").asString().contains("orderCancel")
                ? Response.json("""
                        {"data":{"orderCancel":{"job":{"id":"gid://shopify/Job/abc-123","done":false},
                          "orderCancelUserErrors":[]}}}""")
                : Response.json(order.get()));

        // shipped: refused, a return offered, Shopify never asked to cancel
        JsonNode shipped = tool("cancel_order", Map.of("order_number", "1001"));
        assertThat(shipped.at("/action/details/reason").asString())
                .as(shipped.toString())
                .isEqualTo("already_fulfilled");
        assertThat(shipped.path("result").asString()).contains("return");
        assertThat(requestsWith("orderCancel")).isEmpty();

        // a test key never reaches the live store
        Api test = Api.at(port).withKey(fixtures.key(storeId, Mode.TEST, Scope.values()));
        order.set(unfulfilled);
        int before = shopify.requests().size();
        JsonNode fromTest = test.post(
                        "/v1/test/tool-execution",
                        Map.of(
                                "tool", "cancel_order",
                                "parameters", Map.of("order_number", "1001"),
                                "facts", Map.of("email_given", "jane@example.com")))
                .json();
        assertThat(fromTest.path("status").asString()).as(fromTest.toString()).isNotEqualTo("executed");
        assertThat(shopify.requests()).hasSize(before);

        JsonNode cancelled = tool("cancel_order", Map.of("order_number", "1001", "reason", "Ordered twice"));
        assertThat(cancelled.path("status").asString()).as(cancelled.toString()).isEqualTo("executed");
        assertThat(cancelled.at("/action/type").asString()).isEqualTo("order_cancelled");
        assertThat(cancelled.path("result").asString()).contains("89.00");
        JsonNode variables = variablesOf("orderCancel");
        assertThat(variables.path("orderId").asString()).isEqualTo("gid://shopify/Order/5001");
        assertThat(variables.path("reason").asString()).isEqualTo("CUSTOMER");
        assertThat(variables.path("restock").asBoolean()).isTrue();
        assertThat(variables.path("notifyCustomer").asBoolean()).isTrue();
        assertThat(variables.at("/refundMethod/originalPaymentMethodsRefund").asBoolean())
                .isTrue();
        assertThat(variables.path("staffNote").asString()).contains("Ordered twice");

        // Shopify cancels in a background job: asked again before the order shows it, it is not sent again
        JsonNode again = tool("cancel_order", Map.of("order_number", "1001"));
        assertThat(again.at("/action/details/reason").asString()).isEqualTo("already_cancelled");
        assertThat(requestsWith("orderCancel")).hasSize(1);
    }

    @Test
    void anOrderShopifyRefusesToCancelIsHandedToAPersonAndMayBeTriedAgain() {
        String unfulfilled = edited(o -> {
            o.put("displayFulfillmentStatus", "UNFULFILLED");
            o.set("fulfillments", JSON.createArrayNode());
        });
        AtomicReference<String> cancelAnswer = new AtomicReference<>("""
                {"data":{"orderCancel":{"job":null,"orderCancelUserErrors":[{"field":["orderId"],
                  "message":"Cannot cancel an order with pending payment authorizations.","code":"INVALID"}]}}}""");
        shopify.otherwise(r -> JSON.readTree(r.body()).path("query").asString().contains("orderCancel")
                ? Response.json(cancelAnswer.get())
                : Response.json(unfulfilled));

        JsonNode refused = tool("cancel_order", Map.of("order_number", "1001"));

        assertThat(refused.at("/action/details/reason").asString())
                .as(refused.toString())
                .isEqualTo("not_cancellable");
        assertThat(refused.path("escalate").asBoolean()).isTrue();
        cancelAnswer.set("""
                {"data":{"orderCancel":{"job":{"id":"gid://shopify/Job/2","done":false},"orderCancelUserErrors":[]}}}""");
        assertThat(tool("cancel_order", Map.of("order_number", "1001"))
                        .path("status")
                        .asString())
                .isEqualTo("executed");
    }

    @Test
    void searchesTheShopsCatalogueByMeaning() {
        shopify.otherwise(r -> Response.json("""
                {"data":{"products":{"nodes":[
                  {"id":"gid://shopify/Product/11","title":"Alpine Shell","description":"A waterproof jacket with taped seams.",
                   "productType":"Jackets","onlineStoreUrl":"https://acme.example/products/alpine-shell",
                   "priceRangeV2":{"minVariantPrice":{"amount":"129.00","currencyCode":"USD"}},"images":{"nodes":[]},
                   "variants":{"nodes":[
                     {"id":"gid://shopify/ProductVariant/111","sku":"AS-M","price":"129.00","availableForSale":true,
                      "inventoryQuantity":4,"selectedOptions":[{"name":"Size","value":"M"},{"name":"Color","value":"Red"}]},
                     {"id":"gid://shopify/ProductVariant/112","sku":"AS-L","price":"129.00","availableForSale":false,
                      "inventoryQuantity":0,"selectedOptions":[{"name":"Size","value":"L"},{"name":"Color","value":"Red"}]}]}},
                  {"id":"gid://shopify/Product/12","title":"Camp Mug","description":"Enamel mug for coffee by the fire.",
                   "productType":"Kitchen","onlineStoreUrl":null,
                   "priceRangeV2":{"minVariantPrice":{"amount":"14.00","currencyCode":"USD"}},"images":{"nodes":[]},
                   "variants":{"nodes":[{"id":"gid://shopify/ProductVariant/121","sku":"CM","price":"14.00",
                     "availableForSale":true,"inventoryQuantity":30,"selectedOptions":[]}]}}]}}}"""));

        JsonNode found = api.post("/v1/products/search", Map.of("query", "a rain jacket in size M"))
                .json();

        assertThat(found.path("products").size()).as(found.toString()).isEqualTo(1);
        assertThat(found.at("/products/0/id").asString()).isEqualTo("gid://shopify/Product/11");
        assertThat(found.at("/products/0/url").asString()).isEqualTo("https://acme.example/products/alpine-shell");
        JsonNode listed = JSON.readTree(shopify.requests().getFirst().body());
        assertThat(listed.path("query").asString()).contains("products(first: $n, query: \"status:active\")");
        assertThat(listed.at("/variables/n").asInt()).isEqualTo(250);
        // in a size that is sold out, nothing
        assertThat(api.post("/v1/products/search", Map.of("query", "a rain jacket in size L"))
                        .json()
                        .path("products")
                        .size())
                .isZero();
        // a test key never reaches the live store
        int before = shopify.requests().size();
        Api test = Api.at(port).withKey(fixtures.key(storeId, Mode.TEST, Scope.values()));
        assertThat(test.post("/v1/products/search", Map.of("query", "rain coat"))
                        .status())
                .isEqualTo(404);
        assertThat(shopify.requests()).hasSize(before);
    }

    /** ORDER_1001 with its order changed. */
    private static String edited(Consumer<ObjectNode> change) {
        JsonNode answer = JSON.readTree(ORDER_1001);
        change.accept((ObjectNode) answer.at("/data/orders/nodes/0"));
        return answer.toString();
    }

    private static Map<String, Object> newAddress() {
        return Map.of(
                "order_number", "1001", "address1", "1 New Street", "city", "Austin", "zip", "73301", "country", "US");
    }

    private JsonNode tool(String name, Map<String, Object> parameters) {
        Api.Response response = api.post(
                "/v1/test/tool-execution",
                Map.of("tool", name, "parameters", parameters, "facts", Map.of("email_given", "jane@example.com")));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private List<JsonNode> requestsWith(String field) {
        return shopify.requests().stream()
                .map(r -> JSON.readTree(r.body()))
                .filter(b -> b.path("query").asString().contains(field))
                .toList();
    }

    /** The variables of the one request whose query names {@code field}. */
    private JsonNode variablesOf(String field) {
        List<JsonNode> sent = requestsWith(field);
        assertThat(sent).as(field).hasSize(1);
        return sent.getFirst().path("variables");
    }

    @Test
    void aScheduledRefreshReadsTheCachedOrdersAgainFromTheStore() throws Exception {
        shopify.otherwise(r -> Response.json(ORDER_1001));
        assertThat(api.get("/v1/orders/1001").json().path("status").asString()).isEqualTo("in_transit");
        String delivered = edited(o -> {
            ObjectNode f = (ObjectNode) o.path("fulfillments").get(0);
            f.put("displayStatus", "DELIVERED");
            f.put("deliveredAt", "2026-02-05T15:00:00Z");
        });
        shopify.otherwise(r -> Response.json(delivered));
        assertThat(listedStatus()).as("the cache, until refreshed").isEqualTo("in_transit");
        int before = shopify.requests().size();

        assertThat(commerce.queueDueOrderRefreshes()).contains(storeId);
        assertThat(commerce.queueDueOrderRefreshes())
                .as("queued once per interval")
                .doesNotContain(storeId);

        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!listedStatus().equals("delivered") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(listedStatus()).isEqualTo("delivered");
        FakeStoreServer.Request refresh = shopify.requests().get(before);
        assertThat(refresh.header("X-Shopify-Access-Token")).isEqualTo("shpat_0123456789abcdef");
        assertThat(JSON.readTree(refresh.body()).at("/variables/q").asString()).isEqualTo("name:#1001");
    }

    private String listedStatus() {
        return api.get("/v1/orders?customer_email=jane@example.com")
                .json()
                .at("/data/0/status")
                .asString();
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
    void aStoreThatDoesNotAnswerInTimeIsRetriedThenAnIntegrationError() {
        // The test context waits 2 s per call (parley.commerce.store-timeout); this store takes longer.
        shopify.otherwise(r -> {
            try {
                Thread.sleep(Duration.ofSeconds(3));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Response.json(ORDER_1001);
        });

        Api.Response response = api.get("/v1/orders/1001");

        assertThat(response.status()).as(response.toString()).isEqualTo(502);
        assertThat(response.errorCode()).isEqualTo("integration_error");
        assertThat(response.json().at("/error/details/service").asString()).isEqualTo("shopify");
        assertThat(response.json().at("/error/details/reason").asString()).isEqualTo("timeout");
        assertThat(shopify.requests()).hasSizeGreaterThan(1);
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

    @Test
    void seed004sProductSearchNamesAFailingShopifyWithItsOwnCode() {
        shopify.otherwise(r -> new Response(503, Map.of(), "{\"errors\":\"Service Unavailable\"}"));

        Api.Response canonical = api.post("/v1/products/search", Map.of("query", "shoes"));
        Api.Response seed004 = api.post("/api/products/search", Map.of("query", "shoes"));

        assertThat(canonical.status()).as(canonical.toString()).isEqualTo(502);
        assertThat(canonical.errorCode()).isEqualTo("integration_error");
        assertThat(seed004.status()).as(seed004.toString()).isEqualTo(502);
        assertThat(seed004.errorCode()).isEqualTo("SHOPIFY_API_ERROR");
        assertThat(seed004.json().at("/error/details/service").asString()).isEqualTo("shopify");
    }
}
