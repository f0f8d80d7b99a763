package dev.parley.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.tenancy.internal.TenancyFixtures;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Product search by meaning on the demo catalogue, one engine for {@code POST /v1/products/search} and the
 * assistant's {@code search_products}: shoppers' own words find the products, and the size, colour, price bound and
 * order they ask for are kept.
 */
@ApiTest
@Tag("database")
class ProductSearchTests {

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    Api api;
    String key;

    @BeforeEach
    void connectTheDemoStore() {
        key = fixtures.workspace().liveKey();
        api = Api.at(port).withKey(key);
        assertThat(api.send("PUT", "/v1/store/connection", Map.of("platform", "demo"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void trailRunningShoesInASizeUnderAPrice() {
        JsonNode found = tool("do you have trail running shoes in size 10 under 150 dollars?");

        List<JsonNode> products = shown(found);
        assertThat(products).isNotEmpty().hasSizeLessThanOrEqualTo(3);
        for (JsonNode product : products) {
            JsonNode full = product(product);
            assertThat(full.path("title").asString()).endsWith("Trail Shoes");
            assertThat(new BigDecimal(full.at("/price/amount").asString())).isLessThanOrEqualTo(new BigDecimal("150"));
            assertThat(full.path("variants").valueStream())
                    .anyMatch(v -> v.path("size").asString().equals("10")
                            && v.path("available").asBoolean());
            assertThat(found.path("result").asString())
                    .contains(full.path("title").asString())
                    .contains("https://demo.parley.dev/products/"
                            + full.path("id").asString());
        }
        assertThat(found.path("result").asString())
                .contains("in stock in size 10")
                .contains("$");
    }

    @Test
    void aWaterproofJacketForHikingIsARainJacket() {
        List<JsonNode> products = shown(tool("I need a waterproof jacket for hiking"));

        assertThat(products)
                .hasSize(3)
                .allSatisfy(p -> assertThat(p.path("title").asString()).endsWith("Rain Jacket"));
    }

    @Test
    void blackHoodiesInSizeM() {
        JsonNode found = tool("any black hoodies in size M?");

        List<JsonNode> products = shown(found);
        assertThat(products).isNotEmpty();
        for (JsonNode product : products) {
            JsonNode full = product(product);
            assertThat(full.path("title").asString()).endsWith("Hoodie");
            assertThat(full.path("variants").valueStream())
                    .anyMatch(v -> v.path("size").asString().equals("M")
                            && v.path("color").asString().equals("Black")
                            && v.path("available").asBoolean());
        }
        assertThat(found.path("result").asString()).contains("in stock in black, size M");
    }

    @Test
    void theCheapestTentIsTheLowestPricedTent() {
        JsonNode found = tool("what's your cheapest tent?");

        JsonNode tents = api.post("/v1/products/search", Map.of("query", "tent", "limit", 100))
                .json();
        BigDecimal lowest = tents.path("products")
                .valueStream()
                .map(t -> new BigDecimal(t.at("/price/amount").asString()))
                .min(BigDecimal::compareTo)
                .orElseThrow();
        assertThat(tents.path("products").valueStream())
                .isNotEmpty()
                .allSatisfy(t -> assertThat(t.path("title").asString()).contains("Tent"));
        List<JsonNode> products = shown(found);
        assertThat(products.getFirst().path("title").asString()).contains("Tent");
        assertThat(new BigDecimal(products.getFirst().path("price").asString())).isEqualByComparingTo(lowest);
        assertThat(found.at("/action/details/sort").asString()).isEqualTo("price_asc");
    }

    @Test
    void somethingTheStoreDoesNotSellIsNotAnsweredWithSomethingElse() {
        JsonNode found = tool("do you sell kayaks?");

        assertThat(shown(found)).isEmpty();
        assertThat(found.path("result").asString()).contains("couldn't find");
    }

    @Test
    void theApiTakesSeedFiltersFlatPriceBoundsColourAndOrder() {
        Api.Response response = api.post(
                "/api/products/search",
                Map.of(
                        "query",
                        "shoes for trail running",
                        "filters",
                        Map.of("max_price", 150, "size", "10"),
                        "sort",
                        "price_asc",
                        "limit",
                        5));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> products = response.json().path("products").valueStream().toList();
        assertThat(products).isNotEmpty();
        BigDecimal previous = BigDecimal.ZERO;
        for (JsonNode product : products) {
            BigDecimal price = new BigDecimal(product.at("/price/amount").asString());
            assertThat(price).isLessThanOrEqualTo(new BigDecimal("150")).isGreaterThanOrEqualTo(previous);
            previous = price;
            assertThat(product.path("url").asString()).startsWith("https://demo.parley.dev/products/");
        }

        // a colour and size in one variant; the query's own words ("black", "size M") count as filters too
        JsonNode black = api.post("/v1/products/search", Map.of("query", "black hoodies in size M"))
                .json();
        JsonNode explicit = api.post(
                        "/v1/products/search",
                        Map.of("query", "hoodies", "filters", Map.of("color", "Black", "size", "M")))
                .json();
        assertThat(black.path("total_count").asLong())
                .isPositive()
                .isEqualTo(explicit.path("total_count").asLong());
        assertThat(black.path("products").size())
                .isEqualTo(explicit.path("products").size());

        Api.Response negative = api.post("/v1/products/search", Map.of("filters", Map.of("max_price", -1)));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().at("/error/details/field").asString()).isEqualTo("filters.max_price");
        assertThat(api.post("/v1/products/search", Map.of("filters", Map.of("min_price", 90, "max_price", 10)))
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/v1/products/search", Map.of("query", "tent", "sort", "newest"))
                        .status())
                .isEqualTo(400);

        // the API description shows the filters and the order, spelled as the API is
        JsonNode schemas = Api.at(port).get("/openapi.json").json().at("/components/schemas");
        assertThat(schemas.valueStream())
                .anyMatch(schema -> schema.at("/properties/max_price").isObject()
                        && schema.at("/properties/min_price").isObject()
                        && schema.at("/properties/color").isObject()
                        && schema.at("/properties/price_range").isObject());
        assertThat(schemas.valueStream())
                .anyMatch(schema -> schema.at("/properties/sort").isObject()
                        && schema.at("/properties/filters").isObject());
    }

    @Test
    void aShopperInAConversationGetsProductsWithPriceSizeAndLink() {
        // The first conversation of a test context also loads the understanding models: it may take a while here.
        Api.Response response = api.execute(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/v1/conversations"))
                .timeout(Duration.ofMinutes(3))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"initial_message\":\"do you have trail running shoes in size 10 under 150 dollars?\"}"))
                .build());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        String reply = response.json().at("/response/content").asString();
        assertThat(reply)
                .as(response.toString())
                .contains("Trail Shoes")
                .contains("size 10")
                .contains("https://");
    }

    private JsonNode tool(String request) {
        Api.Response response = api.post(
                "/v1/test/tool-execution", Map.of("tool", "search_products", "parameters", Map.of("query", request)));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("status").asString()).isEqualTo("executed");
        return response.json();
    }

    private static List<JsonNode> shown(JsonNode found) {
        return found.at("/action/details/products").valueStream().toList();
    }

    /** The product as the API shows it, searched for by its title. */
    private JsonNode product(JsonNode shown) {
        JsonNode page = api.post(
                        "/v1/products/search",
                        Map.of("query", shown.path("title").asString(), "limit", 20))
                .json();
        return page.path("products")
                .valueStream()
                .filter(p -> p.path("id").asString().equals(shown.path("id").asString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("not found by its title: " + shown));
    }
}
