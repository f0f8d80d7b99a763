package dev.parley.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.platform.Mode;
import dev.parley.platform.Scope;
import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.support.TestClock;
import dev.parley.tenancy.internal.TenancyFixtures;
import dev.parley.tenancy.internal.TenancyFixtures.TestWorkspace;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The store connection, orders (seed 001), product search and the tool-execution endpoint (seed 004). */
@ApiTest
@Tag("database")
class CommerceApiTests {

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    TestWorkspace workspace;
    Api api;

    @BeforeEach
    void connectTheDemoStore() {
        workspace = fixtures.workspace();
        api = Api.at(port).withKey(workspace.liveKey());
        Api.Response put = api.send(
                "PUT",
                "/v1/store/connection",
                Map.of(
                        "platform",
                        "demo",
                        "credentials",
                        Map.of("customer_token_secret", "site-secret-0123456789"),
                        "max_discount_percent",
                        15));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
    }

    @Test
    void showsTheConnectionWithCredentialsMasked() {
        JsonNode connection = api.get("/v1/store/connection").json();
        assertThat(connection.path("connected").asBoolean()).isTrue();
        assertThat(connection.path("platform").asString()).isEqualTo("demo");
        assertThat(connection.at("/credentials/customer_token_secret").asString())
                .isEqualTo("****6789");
        assertThat(connection.toString()).doesNotContain("site-secret");
        assertThat(connection.path("max_discount_percent").asInt()).isEqualTo(15);
    }

    @Test
    void theBootstrapWorkspaceHasTheDemoStoreWithoutConnectingIt() {
        Api admin = Api.at(port).withKey(TenancyFixtures.ADMIN_KEY);

        JsonNode connection = admin.get("/v1/store/connection").json();
        assertThat(connection.path("connected").asBoolean()).isTrue();
        assertThat(connection.path("platform").asString()).isEqualTo("demo");
        assertThat(admin.get("/v1/orders/1001").json().path("customer_email").asString())
                .isEqualTo("jane@example.com");
    }

    @Test
    void refusesConnectionMistakesWithFourHundreds() {
        assertThat(api.send("PUT", "/v1/store/connection", Map.of()).errorCode())
                .isEqualTo("missing_field");
        assertThat(api.send("PUT", "/v1/store/connection", Map.of("platform", "magento"))
                        .errorCode())
                .isEqualTo("invalid_request");
        Api.Response noToken = api.send(
                "PUT", "/v1/store/connection", Map.of("platform", "shopify", "shop_domain", "acme.myshopify.com"));
        assertThat(noToken.status()).isEqualTo(400);
        assertThat(noToken.json().at("/error/details/field").asString()).isEqualTo("credentials.access_token");
        Api.Response blocked = api.send(
                "PUT",
                "/v1/store/connection",
                Map.of(
                        "platform", "woocommerce",
                        "base_url", "http://10.1.2.3",
                        "credentials", Map.of("consumer_key", "ck_1", "consumer_secret", "cs_1")));
        assertThat(blocked.status()).isEqualTo(400);
        assertThat(blocked.json().at("/error/details/reason").asString()).isEqualTo("blocked_target");
        Api.Response unknown = api.send(
                "PUT", "/v1/store/connection", Map.of("platform", "demo", "credentials", Map.of("password", "x")));
        assertThat(unknown.status()).isEqualTo(400);
        Api.Response testKey = Api.at(port)
                .withKey(fixtures.key(workspace.id(), Mode.TEST))
                .send("PUT", "/v1/store/connection", Map.of("platform", "demo"));
        assertThat(testKey.status()).isEqualTo(403);
    }

    @Test
    void listsOrdersWithFiltersAndPaging() {
        JsonNode all = api.get("/v1/orders?per_page=5").json();
        assertThat(all.at("/pagination/total_count").asLong()).isEqualTo(60);
        assertThat(all.path("data").size()).isEqualTo(5);

        JsonNode janes = api.get("/v1/orders?customer_email=JANE@example.com&per_page=100")
                .json();
        assertThat(janes.path("data").size()).isGreaterThanOrEqualTo(2);
        assertThat(janes.path("data").valueStream())
                .allMatch(o -> o.path("customer_email").asString().equals("jane@example.com"));

        JsonNode delivered = api.get("/v1/orders?status=delivered&per_page=100").json();
        assertThat(delivered.path("data").size()).isPositive();
        assertThat(delivered.path("data").valueStream())
                .allMatch(o -> o.path("status").asString().equals("delivered"));

        String yesterday = Instant.now().minusSeconds(86_400).toString();
        JsonNode recent =
                api.get("/v1/orders?per_page=100&start_date=" + yesterday).json();
        assertThat(recent.path("data").valueStream())
                .allMatch(o -> Instant.parse(o.path("placed_at").asString()).isAfter(Instant.parse(yesterday)));
        assertThat(recent.path("data")
                        .valueStream()
                        .map(o -> o.path("order_number").asString()))
                .contains("1004");

        assertThat(api.get("/v1/orders?status=lost").status()).isEqualTo(400);
        assertThat(api.get("/v1/orders?start_date=yesterday").status()).isEqualTo(400);
        assertThat(api.get("/v1/orders?per_page=500").status()).isEqualTo(400);
    }

    @Test
    void readsOneOrderOnlyInItsOwnWorkspaceAndWithThePermission() {
        JsonNode order = api.get("/v1/orders/1001").json();
        assertThat(order.path("order_number").asString()).isEqualTo("1001");
        assertThat(order.path("customer_email").asString()).isEqualTo("jane@example.com");
        assertThat(order.path("status").asString()).isEqualTo("in_transit");
        assertThat(order.at("/fulfillments/0/tracking_number").asString()).startsWith("1Z");

        assertThat(api.get("/v1/orders/99999").errorCode()).isEqualTo("not_found");
        TestWorkspace other = fixtures.workspace();
        Api.Response foreign = Api.at(port).withKey(other.liveKey()).get("/v1/orders/1001");
        assertThat(foreign.status()).isEqualTo(404);
        Api.Response withoutScope = Api.at(port)
                .withKey(fixtures.key(workspace.id(), Mode.LIVE, Scope.CONVERSATIONS_READ))
                .get("/v1/orders/1001");
        assertThat(withoutScope.status()).isEqualTo(403);
    }

    @Test
    void searchesProductsWithFilters() {
        Api.Response response = api.post(
                "/v1/products/search",
                Map.of(
                        "query",
                        "running shoes",
                        "filters",
                        Map.of("category", "footwear", "price_range", Map.of("min", 50, "max", 200), "size", "10"),
                        "limit",
                        3));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("products").size()).isBetween(1, 3);
        assertThat(body.path("total_count").asLong())
                .isGreaterThanOrEqualTo(body.path("products").size());
        assertThat(body.path("has_more").asBoolean())
                .isEqualTo(body.path("total_count").asLong() > 3);
        for (JsonNode product : body.path("products")) {
            assertThat(product.path("title").asString()).containsIgnoringCase("running shoes");
            assertThat(new BigDecimal(product.at("/price/amount").asString()))
                    .isBetween(new BigDecimal("50"), new BigDecimal("200"));
            assertThat(product.at("/price/currency").asString()).isEqualTo("USD");
            assertThat(product.path("variants").valueStream())
                    .anyMatch(v -> v.path("size").asString().equals("10")
                            && v.path("available").asBoolean());
        }

        assertThat(api.post(
                                "/v1/products/search",
                                Map.of("filters", Map.of("price_range", Map.of("min", 90, "max", 10))))
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/v1/products/search", Map.of("limit", 0)).status()).isEqualTo(400);
        assertThat(api.post("/v1/products/search", Map.of("filters", "shoes")).status())
                .isEqualTo(400);
    }

    @Test
    void anOrderPastItsEstimatedDeliveryIsSaidToBeLateNotDueOnADayGoneBy() {
        TestClock.shared().freeze();
        try {
            // the demo store's orders are made on first use, relative to the store's today
            assertThat(api.get("/v1/orders/1001").status()).isEqualTo(200);
            assertThat(orderTool("order_status", "1001").path("result").asString())
                    .contains("should arrive by")
                    .doesNotContain("late");

            TestClock.shared().advance(Duration.ofDays(30));

            for (String tool : new String[] {"order_status", "track_order"}) {
                String answer = orderTool(tool, "1001").path("result").asString();
                assertThat(answer)
                        .as(tool)
                        .startsWith("I'm sorry")
                        .containsPattern("It was due on \\w+day, \\w+ \\d+ and is running late")
                        .doesNotContain("should arrive by");
            }
            String inUzbek = orderTool("track_order", "1001", Map.of("customer_language", "uz"))
                    .path("result")
                    .asString();
            assertThat(inUzbek)
                    .startsWith("Kutib qolganingiz uchun uzr.")
                    .containsPattern("U \\d+-\\p{L}+, \\p{L}+ kuni yetib kelishi kerak edi va kechikmoqda")
                    .doesNotContain("kunigacha");
        } finally {
            TestClock.shared().resume();
        }
    }

    @Test
    void anAddressChangeOnACancelledOrderIsRefusedAsCancelledNotShipped() {
        JsonNode cancelled = api.post(
                        "/v1/test/tool-execution",
                        Map.of(
                                "tool", "change_address",
                                "parameters",
                                        Map.of(
                                                "order_number", "1005",
                                                "address1", "55 Oak Ave",
                                                "city", "Austin",
                                                "zip", "78701",
                                                "country", "US"),
                                "facts", Map.of("email_given", "sam@example.com")))
                .json();

        assertThat(cancelled.path("status").asString()).as(cancelled.toString()).isEqualTo("refused");
        assertThat(cancelled.at("/action/details/reason").asString()).isEqualTo("order_cancelled");
        assertThat(cancelled.path("result").asString()).contains("cancelled").doesNotContain("shipped");
    }

    private JsonNode orderTool(String tool, String order) {
        return orderTool(tool, order, Map.of());
    }

    private JsonNode orderTool(String tool, String order, Map<String, String> facts) {
        Map<String, String> all = new java.util.LinkedHashMap<>(facts);
        all.put("email_given", "jane@example.com");
        Api.Response response = api.post(
                "/v1/test/tool-execution",
                Map.of("tool", tool, "parameters", Map.of("order_number", order), "facts", all));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    @Test
    void executesOneToolUnderItsPolicy() {
        Api.Response search = api.post(
                "/v1/test/tool-execution", Map.of("tool", "search_products", "parameters", Map.of("query", "hoodie")));
        assertThat(search.status()).as(search.toString()).isEqualTo(200);
        assertThat(search.json().path("status").asString()).isEqualTo("executed");
        assertThat(search.json().at("/action/details/total_count").asLong()).isPositive();

        Api.Response address = api.post(
                "/v1/test/tool-execution",
                Map.of(
                        "tool", "change_address",
                        "parameters",
                                Map.of(
                                        "order_number", "1001",
                                        "address1", "1 New Street",
                                        "city", "Austin",
                                        "zip", "73301",
                                        "country", "US"),
                        "facts", Map.of("email_given", "jane@example.com")));
        assertThat(address.json().path("status").asString()).isEqualTo("refused");
        assertThat(address.json().at("/action/details/reason").asString()).isEqualTo("already_shipped");

        Api.Response unshipped = api.post(
                "/v1/test/tool-execution",
                Map.of(
                        "tool", "change_address",
                        "parameters",
                                Map.of(
                                        "order_number", "1004",
                                        "address1", "1 New Street",
                                        "city", "Austin",
                                        "zip", "73301",
                                        "country", "US"),
                        "facts", Map.of("email_given", "alex@example.com")));
        assertThat(unshipped.json().path("status").asString()).isEqualTo("executed");
        assertThat(api.get("/v1/orders/1004")
                        .json()
                        .at("/shipping_address/city")
                        .asString())
                .isEqualTo("Austin");

        Api.Response late = api.post(
                "/v1/test/tool-execution",
                Map.of(
                        "tool", "request_return",
                        "parameters", Map.of("order_number", "1008"),
                        "facts", Map.of("email_given", "jane@example.com")));
        assertThat(late.json().at("/action/details/reason").asString()).isEqualTo("outside_return_window");
        Api.Response inWindow = api.post(
                "/v1/test/tool-execution",
                Map.of(
                        "tool", "request_return",
                        "parameters", Map.of("order_number", "1003"),
                        "facts", Map.of("email_given", "maria@example.com")));
        assertThat(inWindow.json().at("/action/type").asString()).isEqualTo("return_label_generated");
        assertThat(inWindow.json().at("/action/details/label_url").asString()).startsWith("https://");

        // an apology code for maria's delivered order she reports damaged, unhappy: service recovery
        Map<String, String> damaged = Map.of(
                "email_given", "maria@example.com",
                "order_number", "1003",
                "customer_sentiment", "negative",
                "reported_problem", "damaged");
        Api.Response tooMuch = api.post(
                "/v1/test/tool-execution",
                Map.of("tool", "apply_discount", "parameters", Map.of("percent", 50), "facts", damaged));
        assertThat(tooMuch.json().at("/action/details/reason").asString()).isEqualTo("above_discount_cap");
        Api.Response apology = api.post(
                "/v1/test/tool-execution",
                Map.of("tool", "apply_discount", "parameters", Map.of("percent", 10), "facts", damaged));
        assertThat(apology.json().at("/action/details/code").asString()).isEqualTo("SORRY10");
        assertThat(apology.json().at("/action/details/value").asString()).isEqualTo("10%");

        assertThat(api.post("/v1/test/tool-execution", Map.of("tool", "launch_rockets"))
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/v1/test/tool-execution", Map.of()).status()).isEqualTo(400);
        Api.Response badArgs = api.post(
                "/v1/test/tool-execution", Map.of("tool", "refund", "parameters", Map.of("amount", "all of it")));
        assertThat(badArgs.json().at("/action/details/reason").asString()).isEqualTo("invalid_arguments");
    }

    @Test
    void aSignedCustomerTokenVerifiesTheCustomer() throws Exception {
        String token = token(
                "site-secret-0123456789", "jane@example.com", Instant.now().plusSeconds(3600));
        Api.Response response = api.post(
                "/v1/conversations",
                Map.of("initial_message", "Where is my order #1001?", "context", Map.of("customer_token", token)));
        assertThat(response.json().at("/response/content").asString()).contains("1Z");

        String forged =
                token("another-secret-000000", "jane@example.com", Instant.now().plusSeconds(3600));
        Api.Response refused = api.post(
                "/v1/conversations",
                Map.of("initial_message", "Where is my order #1001?", "context", Map.of("customer_token", forged)));
        assertThat(refused.json().at("/response/content").asString())
                .containsIgnoringCase("email")
                .doesNotContain("1Z");
    }

    /** The documented format, computed here independently of the server's code. */
    private static String token(String secret, String email, Instant expires) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String payload =
                "ct1." + b64.encodeToString(email.getBytes(StandardCharsets.UTF_8)) + "." + expires.getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return payload + "." + b64.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    }
}
