package dev.parley.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.commerce.FakeStoreServer.Response;
import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.tenancy.internal.TenancyFixtures;
import dev.parley.tenancy.internal.TenancyFixtures.TestStore;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

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

    FakeStoreServer woo;
    Api api;

    @BeforeEach
    void connectAWooCommerceStore() throws Exception {
        woo = new FakeStoreServer();
        TestStore store = fixtures.store();
        api = Api.at(port).withKey(store.liveKey());
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
        assertThat(woo.requests().getFirst().path())
                .startsWith("/wp-json/wc/v3/products?")
                .contains("search=trail");
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
