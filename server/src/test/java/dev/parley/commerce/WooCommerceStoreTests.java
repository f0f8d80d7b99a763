package dev.parley.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.commerce.FakeStoreServer.Response;
import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.tenancy.internal.TenancyFixtures;
import dev.parley.tenancy.internal.TenancyFixtures.TestWorkspace;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The WooCommerce connector against a fake REST API v3 on 127.0.0.2 answering in WooCommerce's documented JSON. */
@ApiTest
@Tag("database")
class WooCommerceStoreTests {

    static final String ORDER = """
            {"id":727,"number":"727","status":"processing","currency":"USD","total":"42.50",
             "date_created_gmt":"2026-02-03T10:00:00","date_modified_gmt":"2026-02-03T10:05:00",
             "billing":{"first_name":"Ada","last_name":"Byron","email":"ada@example.com"},
             "shipping":{"first_name":"Ada","last_name":"Byron","address_1":"5 Analytical Way","address_2":"",
               "city":"London","state":"","postcode":"N1 9GU","country":"GB"},
             "line_items":[{"id":1,"name":"Tea mug","sku":"MUG-1","quantity":2,"price":21.25}],
             "refunds":[],"meta_data":[]}
            """;

    static final String PRODUCTS = """
            [{"id":31,"name":"Trail Runner","type":"variable","status":"publish","price":"120.00",
              "short_description":"<p>Grippy trail shoe</p>","sku":"TR-1","stock_status":"instock","stock_quantity":7,
              "categories":[{"id":9,"name":"Footwear","slug":"footwear"}],
              "images":[{"id":1,"src":"https://shop.example.com/tr.jpg"}],
              "attributes":[{"id":1,"name":"Size","options":["9","10","11"]}]},
             {"id":32,"name":"Trail Socks","type":"simple","status":"publish","price":"15.00",
              "short_description":"","sku":"TS-1","stock_status":"instock","stock_quantity":40,
              "categories":[{"id":10,"name":"Accessories","slug":"accessories"}],"images":[],"attributes":[]}]
            """;

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    static final JsonMapper JSON = JsonMapper.builder().build();

    FakeStoreServer woo;
    Api api;
    String storeId;

    @BeforeEach
    void connectAWooCommerceStore() throws Exception {
        woo = new FakeStoreServer();
        TestWorkspace workspace = fixtures.workspace();
        storeId = workspace.id();
        api = Api.at(port).withKey(workspace.liveKey());
        Api.Response put = api.send(
                "PUT",
                "/v1/store/connection",
                Map.of(
                        "platform", "woocommerce",
                        "base_url", woo.url(),
                        "credentials", Map.of("consumer_key", "ck_live_1234", "consumer_secret", "cs_live_5678")));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        woo.close();
    }

    @Test
    void refundsReturnsDiscountsAndAddressChangesSendWooCommercesDocumentedRequests() {
        api.patch(
                "/v1/stores/" + storeId,
                Map.of("settings", Map.of("auto_refund_enabled", true, "auto_refund_limit", 50.00)));
        String completed = ORDER.replace("\"status\":\"processing\"", "\"status\":\"completed\"")
                .replace(
                        "\"date_modified_gmt\"",
                        "\"date_completed_gmt\":\""
                                + LocalDateTime.ofInstant(Instant.now().minus(Duration.ofDays(3)), ZoneOffset.UTC)
                                        .truncatedTo(ChronoUnit.SECONDS)
                                + "\",\"date_modified_gmt\"");
        AtomicReference<String> order = new AtomicReference<>(completed);
        woo.otherwise(r -> switch (r.method() + " " + r.path()) {
            case "GET /wp-json/wc/v3/orders/727", "PUT /wp-json/wc/v3/orders/727" -> Response.json(order.get());
            case "POST /wp-json/wc/v3/orders/727/refunds" ->
                new Response(
                        201, Map.of(), "{\"id\":801,\"reason\":\"\",\"amount\":\"20.00\",\"refunded_payment\":true}");
            case "POST /wp-json/wc/v3/orders/727/notes" ->
                new Response(201, Map.of(), "{\"id\":281,\"author\":\"system\",\"customer_note\":true}");
            case "POST /wp-json/wc/v3/coupons" ->
                new Response(201, Map.of(), "{\"id\":719,\"code\":\"sorry10\",\"discount_type\":\"percent\"}");
            default -> new Response(404, Map.of(), "{\"code\":\"rest_no_route\"}");
        });

        // a refund under the limit, through the store's gateway
        JsonNode refund = tool("refund", Map.of("order_number", "727", "amount", 20));
        assertThat(refund.path("status").asString()).as(refund.toString()).isEqualTo("executed");
        JsonNode refundBody = bodyOf("POST", "/wp-json/wc/v3/orders/727/refunds");
        assertThat(refundBody.path("amount").asString()).isEqualTo("20.00");
        assertThat(refundBody.path("api_refund").asBoolean()).isTrue();

        // a return: an RMA on the order, as a note the customer gets too; no carrier label
        JsonNode ret = tool("request_return", Map.of("order_number", "727", "reason", "Too small"));
        assertThat(ret.at("/action/type").asString()).as(ret.toString()).isEqualTo("return_created");
        String rma = ret.at("/action/details/return_id").asString();
        assertThat(rma).startsWith("RMA-727-");
        assertThat(ret.at("/action/details/label_url").isNull()).isTrue();
        JsonNode note = bodyOf("POST", "/wp-json/wc/v3/orders/727/notes");
        assertThat(note.path("customer_note").asBoolean()).isTrue();
        assertThat(note.path("note").asString()).contains(rma, "Too small");

        // the apology coupon for an order the unhappy customer reports damaged, single use, for them only
        JsonNode discount = api.post(
                        "/v1/test/tool-execution",
                        Map.of(
                                "tool", "apply_discount",
                                "parameters", Map.of("order_number", "727", "percent", 10),
                                "facts",
                                        Map.of(
                                                "email_given", "ada@example.com",
                                                "customer_sentiment", "negative",
                                                "reported_problem", "damaged")))
                .json();
        assertThat(discount.at("/action/details/code").asString())
                .as(discount.toString())
                .isEqualTo("SORRY10");
        JsonNode coupon = bodyOf("POST", "/wp-json/wc/v3/coupons");
        assertThat(coupon.path("code").asString()).isEqualTo("SORRY10");
        assertThat(coupon.path("discount_type").asString()).isEqualTo("percent");
        assertThat(coupon.path("amount").asString()).isEqualTo("10");
        assertThat(coupon.path("usage_limit").asInt()).isEqualTo(1);

        // an address change, only before the order is completed
        assertThat(tool("change_address", newAddress())
                        .at("/action/details/reason")
                        .asString())
                .isEqualTo("already_shipped");
        order.set(ORDER);
        JsonNode moved = tool("change_address", newAddress());
        assertThat(moved.path("status").asString()).as(moved.toString()).isEqualTo("executed");
        JsonNode shipping = bodyOf("PUT", "/wp-json/wc/v3/orders/727").path("shipping");
        assertThat(shipping.path("address_1").asString()).isEqualTo("1 New Street");
        assertThat(shipping.path("city").asString()).isEqualTo("Austin");
        assertThat(shipping.path("postcode").asString()).isEqualTo("73301");
        assertThat(shipping.path("country").asString()).isEqualTo("US");
    }

    @Test
    void cancelsAProcessingOrderAndRefundsWhatWasPaidOnceButNeverACompletedOne() {
        String completed = ORDER.replace("\"status\":\"processing\"", "\"status\":\"completed\"");
        AtomicReference<String> order = new AtomicReference<>(completed);
        woo.otherwise(r -> switch (r.method() + " " + r.path()) {
            case "GET /wp-json/wc/v3/orders/727" -> Response.json(order.get());
            case "PUT /wp-json/wc/v3/orders/727" -> {
                order.set(ORDER.replace("\"status\":\"processing\"", "\"status\":\"cancelled\""));
                yield Response.json(order.get());
            }
            case "POST /wp-json/wc/v3/orders/727/refunds" ->
                new Response(
                        201, Map.of(), "{\"id\":802,\"reason\":\"\",\"amount\":\"42.50\",\"refunded_payment\":true}");
            default -> new Response(404, Map.of(), "{\"code\":\"rest_no_route\"}");
        });

        JsonNode shipped = tool("cancel_order", Map.of("order_number", "727"));
        assertThat(shipped.at("/action/details/reason").asString())
                .as(shipped.toString())
                .isEqualTo("already_fulfilled");
        assertThat(woo.requests()).noneMatch(r -> r.method().equals("PUT"));

        order.set(ORDER);
        JsonNode cancelled = tool("cancel_order", Map.of("order_number", "727"));
        assertThat(cancelled.path("status").asString()).as(cancelled.toString()).isEqualTo("executed");
        assertThat(cancelled.at("/action/details/payment_returned").asBoolean()).isTrue();
        assertThat(bodyOf("PUT", "/wp-json/wc/v3/orders/727").path("status").asString())
                .isEqualTo("cancelled");
        JsonNode refund = bodyOf("POST", "/wp-json/wc/v3/orders/727/refunds");
        assertThat(refund.path("amount").asString()).isEqualTo("42.50");
        assertThat(refund.path("api_refund").asBoolean()).isTrue();

        JsonNode again = tool("cancel_order", Map.of("order_number", "727"));
        assertThat(again.at("/action/details/reason").asString()).isEqualTo("already_cancelled");
        assertThat(woo.requests()).filteredOn(r -> !r.method().equals("GET")).hasSize(2);
    }

    private static Map<String, Object> newAddress() {
        return Map.of(
                "order_number", "727", "address1", "1 New Street", "city", "Austin", "zip", "73301", "country", "US");
    }

    private JsonNode tool(String name, Map<String, Object> parameters) {
        Api.Response response = api.post(
                "/v1/test/tool-execution",
                Map.of("tool", name, "parameters", parameters, "facts", Map.of("email_given", "ada@example.com")));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** The body of the one request sent with this method to this path. */
    private JsonNode bodyOf(String method, String path) {
        List<FakeStoreServer.Request> sent = woo.requests().stream()
                .filter(r -> r.method().equals(method) && r.path().equals(path))
                .toList();
        assertThat(sent).as(method + " " + path).hasSize(1);
        assertThat(sent.getFirst().header("Authorization"))
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString("ck_live_1234:cs_live_5678".getBytes()));
        return JSON.readTree(sent.getFirst().body());
    }

    @Test
    void readsAnOrderWithTheConsumerKeyAndSecret() {
        woo.otherwise(r -> r.path().equals("/wp-json/wc/v3/orders/727")
                ? Response.json(ORDER)
                : new Response(404, Map.of(), "{\"code\":\"woocommerce_rest_shop_order_invalid_id\"}"));

        JsonNode order = api.get("/v1/orders/727").json();

        assertThat(order.path("customer_email").asString()).isEqualTo("ada@example.com");
        assertThat(order.path("status").asString()).isEqualTo("unfulfilled");
        assertThat(order.path("total").decimalValue()).isEqualByComparingTo("42.50");
        assertThat(woo.requests().getFirst().header("Authorization"))
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString("ck_live_1234:cs_live_5678".getBytes()));
        assertThat(api.get("/v1/orders/728").status()).isEqualTo(404);
    }

    @Test
    void searchesProductsAndFiltersBySizeAndCategory() {
        woo.otherwise(r -> new Response(200, Map.of("X-WP-Total", "2"), PRODUCTS));

        JsonNode found = api.post(
                        "/v1/products/search",
                        Map.of("query", "trail", "filters", Map.of("category", "footwear", "size", "10")))
                .json();

        assertThat(found.path("products").size()).isEqualTo(1);
        assertThat(found.at("/products/0/title").asString()).isEqualTo("Trail Runner");
        assertThat(found.at("/products/0/description").asString()).isEqualTo("Grippy trail shoe");
        // the catalogue is read from the store and searched by meaning in Parley's own index
        assertThat(woo.requests().getFirst().path())
                .isEqualTo("/wp-json/wc/v3/products?status=publish&per_page=100&page=1");
        JsonNode socks = api.post("/v1/products/search", Map.of("query", "comfy socks under 20 dollars"))
                .json();
        assertThat(socks.at("/products/0/title").asString())
                .as(socks.toString())
                .isEqualTo("Trail Socks");
        assertThat(woo.requests()).as("the indexed catalogue is kept a while").hasSize(1);
    }

    @Test
    void aStoreThatKeepsFailingIsAnIntegrationError() {
        woo.otherwise(r -> new Response(500, Map.of(), "{\"code\":\"internal_server_error\"}"));

        Api.Response response = api.get("/v1/orders/727");

        assertThat(response.status()).isEqualTo(502);
        assertThat(response.errorCode()).isEqualTo("integration_error");
        assertThat(response.json().at("/error/details/service").asString()).isEqualTo("woocommerce");
        assertThat(woo.requests()).hasSize(4);
        woo.otherwise(r -> Response.json(ORDER));
        assertThat(api.get("/v1/orders/727").status()).isEqualTo(200);
    }
}
