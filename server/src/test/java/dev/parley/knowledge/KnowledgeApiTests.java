package dev.parley.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.platform.Mode;
import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.tenancy.internal.TenancyFixtures;
import dev.parley.tenancy.internal.TenancyFixtures.TestWorkspace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ApiTest
@Tag("database")
class KnowledgeApiTests {

    static final String RETURNS = """
            # Returns

            You can return unworn items within 30 days of delivery for a full refund to the original payment method.

            ## Final sale

            Items marked final sale cannot be returned or exchanged.
            """;

    static final String SHIPPING =
            "Standard shipping takes 3 to 5 business days. Express delivery arrives in 1 to 2 days.";

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    TestWorkspace workspace;
    Api api;

    @BeforeEach
    void setUp() {
        workspace = fixtures.workspace();
        api = Api.at(port).withKey(workspace.liveKey());
    }

    @Test
    void indexesAnArticleOnWriteAndFindsItByMeaning() {
        Api.Response created = api.post(
                "/v1/knowledge-base",
                Map.of(
                        "title",
                        "Returns and refunds",
                        "content",
                        RETURNS,
                        "category",
                        "policies",
                        "tags",
                        List.of("returns")));

        assertThat(created.status()).isEqualTo(201);
        JsonNode article = created.json();
        assertThat(article.path("article_id").asString()).startsWith("kb_");
        assertThat(article.path("status").asString()).isEqualTo("published");
        assertThat(article.path("indexed").asBoolean()).isTrue();
        assertThat(article.path("chunk_count").asInt()).isEqualTo(2);

        List<JsonNode> results = search(api, "can I send back shoes I never wore?");
        assertThat(results).isNotEmpty();
        assertThat(results.getFirst().path("source_id").asString())
                .isEqualTo(article.path("article_id").asString());
        assertThat(results.getFirst().path("title").asString()).isEqualTo("Returns and refunds");
        assertThat(results.getFirst().path("score").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void keepsTheStructureOfAnArticleInItsChunks() {
        api.post("/v1/knowledge-base", Map.of("title", "Returns and refunds", "content", RETURNS));

        JsonNode finalSale = search(api, "final sale items").getFirst();

        assertThat(finalSale.path("heading").asString()).isEqualTo("Returns > Final sale");
        assertThat(finalSale.path("text").asString()).contains("cannot be returned");
    }

    @Test
    void updatesAndDeletesWhatSearchSees() {
        String id = api.post("/v1/knowledge-base", Map.of("title", "Delivery", "content", SHIPPING))
                .json()
                .path("article_id")
                .asString();

        Api.Response updated = api.patch(
                "/v1/knowledge-base/" + id,
                Map.of("content", "Every order ships by carrier pigeon within a fortnight."));
        List<JsonNode> afterUpdate = search(api, "carrier pigeon");
        Api.Response deleted = api.delete("/v1/knowledge-base/" + id);

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().path("indexed").asBoolean()).isTrue();
        assertThat(afterUpdate.getFirst().path("text").asString()).contains("pigeon");
        assertThat(deleted.json().path("deleted").asBoolean()).isTrue();
        assertThat(search(api, "carrier pigeon")).isEmpty();
        assertThat(api.get("/v1/knowledge-base/" + id).status()).isEqualTo(404);
    }

    @Test
    void replacesAWholeArticleWithPut() {
        String id = api.post(
                        "/v1/knowledge-base",
                        Map.of(
                                "title",
                                "Delivery",
                                "content",
                                SHIPPING,
                                "category",
                                "shipping",
                                "tags",
                                List.of("delivery")))
                .json()
                .path("article_id")
                .asString();

        Api.Response replaced = api.send(
                "PUT",
                "/v1/knowledge-base/" + id,
                Map.of("title", "Pigeon post", "content", "Every order ships by carrier pigeon within a fortnight."));
        Api.Response incomplete =
                api.send("PUT", "/v1/knowledge-base/" + id, Map.of("content", "No title, so not a whole article."));

        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        JsonNode article = api.get("/v1/knowledge-base/" + id).json();
        assertThat(article.path("title").asString()).isEqualTo("Pigeon post");
        assertThat(article.path("category").isNull()).isTrue();
        assertThat(article.path("tags").isEmpty()).isTrue();
        assertThat(search(api, "carrier pigeon").getFirst().path("text").asString())
                .contains("pigeon");
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.errorCode()).isEqualTo("missing_field");
    }

    @Test
    void addsOrUpdatesThroughSeed002sSingleEndpoint() {
        String id = api.post("/v1/knowledge-base", Map.of("title", "Delivery", "content", SHIPPING))
                .json()
                .path("article_id")
                .asString();

        Api.Response again = api.post(
                "/v1/knowledge-base", Map.of("article_id", id, "title", "Delivery times", "content", SHIPPING));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("article_id").asString()).isEqualTo(id);
        assertThat(api.get("/v1/knowledge-base/" + id).json().path("title").asString())
                .isEqualTo("Delivery times");
    }

    @Test
    void keepsDraftsOutOfSearchUntilPublished() {
        Api.Response draft = api.post(
                "/v1/knowledge-base",
                Map.of("title", "Secret sale", "content", "A secret sale starts Friday.", "status", "draft"));
        String id = draft.json().path("article_id").asString();

        assertThat(draft.json().path("indexed").asBoolean()).isFalse();
        assertThat(search(api, "secret sale friday")).isEmpty();

        api.patch("/v1/knowledge-base/" + id, Map.of("status", "published"));
        assertThat(search(api, "secret sale friday"))
                .extracting(r -> r.path("source_id").asString())
                .contains(id);
    }

    @Test
    void neverShowsOneWorkspacesKnowledgeToAnother() {
        String id = api.post(
                        "/v1/knowledge-base", Map.of("title", "Warehouse codes", "content", "The vault code is 4417."))
                .json()
                .path("article_id")
                .asString();
        TestWorkspace other = fixtures.workspace();
        Api otherApi = Api.at(port).withKey(other.liveKey());
        Api testMode = Api.at(port).withKey(fixtures.key(workspace.id(), Mode.TEST));

        assertThat(search(otherApi, "vault code")).isEmpty();
        assertThat(search(testMode, "vault code"))
                .as("test keys never see live data")
                .isEmpty();
        assertThat(otherApi.get("/v1/knowledge-base/" + id).status()).isEqualTo(404);
        assertThat(otherApi.patch("/v1/knowledge-base/" + id, Map.of("title", "mine"))
                        .status())
                .isEqualTo(404);
        assertThat(otherApi.delete("/v1/knowledge-base/" + id).status()).isEqualTo(404);
        assertThat(search(api, "vault code")).isNotEmpty();
    }

    @Test
    void listsArticlesWithFiltersAndPaging() {
        api.post(
                "/v1/knowledge-base",
                Map.of("title", "Returns", "content", RETURNS, "category", "policies", "tags", List.of("returns")));
        api.post("/v1/knowledge-base", Map.of("title", "Shipping", "content", SHIPPING, "category", "shipping"));
        api.post("/v1/knowledge-base", Map.of("title", "Shipping abroad", "content", SHIPPING, "category", "shipping"));

        JsonNode shipping =
                api.get("/v1/knowledge-base?category=shipping&per_page=1").json();
        JsonNode tagged = api.get("/v1/knowledge-base?tag=returns").json();
        JsonNode titled = api.get("/v1/knowledge-base?q=abroad").json();

        assertThat(shipping.at("/pagination/total_count").asLong()).isEqualTo(2);
        assertThat(shipping.path("data").size()).isEqualTo(1);
        assertThat(shipping.at("/pagination/total_pages").asInt()).isEqualTo(2);
        assertThat(tagged.path("data").valueStream().map(a -> a.path("title").asString()))
                .containsExactly("Returns");
        assertThat(titled.path("data").valueStream().map(a -> a.path("title").asString()))
                .containsExactly("Shipping abroad");
    }

    @Test
    void refusesInvalidArticlesAndSearches() {
        assertThat(api.post("/v1/knowledge-base", Map.of("content", "no title")).errorCode())
                .isEqualTo("missing_field");
        assertThat(api.post("/v1/knowledge-base", Map.of("title", "t", "content", "c", "status", "live"))
                        .json()
                        .at("/error/details/field")
                        .asString())
                .isEqualTo("status");
        assertThat(api.post("/v1/knowledge-base/search", Map.of("query", " ")).errorCode())
                .isEqualTo("missing_field");
        assertThat(api.post("/v1/knowledge-base/search", Map.of("query", "x", "top_k", 51))
                        .status())
                .isEqualTo(400);
        assertThat(api.post(
                                "/v1/knowledge-base/search",
                                Map.of("query", "x", "filters", Map.of("types", List.of("spam"))))
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/v1/knowledge-base/search", Map.of("query", "🙂🙂🙂"))
                        .status())
                .as("a query of only emoji is answered, not failed")
                .isEqualTo(200);
    }

    @Test
    void acceptsTrainingDataOneByOneAndInBatches() {
        Api.Response faq = api.post(
                "/v1/training",
                Map.of(
                        "type", "faq",
                        "domain", "example.com",
                        "title", "Return Policy",
                        "content", "Our return policy allows returns within 30 days.",
                        "metadata", Map.of("category", "policies", "tags", List.of("returns", "refunds"))));
        Api.Response batch = api.post(
                "/v1/training/batch",
                Map.of(
                        "items",
                        List.of(
                                Map.of(
                                        "type",
                                        "product",
                                        "title",
                                        "Trail runner",
                                        "content",
                                        "A waterproof trail shoe, sizes 6-13."),
                                Map.of(
                                        "type",
                                        "guide",
                                        "title",
                                        "Lacing",
                                        "content",
                                        "Heel-lock lacing stops slipping."))));

        assertThat(faq.status()).isEqualTo(201);
        assertThat(faq.json().path("type").asString()).isEqualTo("faq");
        assertThat(faq.json().at("/metadata/category").asString()).isEqualTo("policies");
        assertThat(faq.json().path("indexed").asBoolean()).isTrue();
        assertThat(batch.status()).isEqualTo(201);
        assertThat(batch.json().path("created").asInt()).isEqualTo(2);
        assertThat(api.get("/v1/training?type=product")
                        .json()
                        .at("/pagination/total_count")
                        .asLong())
                .isEqualTo(1);
        assertThat(search(api, "waterproof shoe for trails")
                        .getFirst()
                        .path("type")
                        .asString())
                .isEqualTo("product");
    }

    @Test
    void storesNothingFromABatchWithOneBadItem() {
        Api.Response response = api.post(
                "/v1/training/batch",
                List.of(
                        Map.of("type", "faq", "title", "Fine", "content", "A fine entry about umbrellas."),
                        Map.of("type", "poem", "title", "Bad", "content", "Not a type we know.")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/details/field").asString()).isEqualTo("items[1].type");
        assertThat(api.get("/v1/training").json().at("/pagination/total_count").asLong())
                .isZero();
        assertThat(search(api, "umbrellas")).isEmpty();
    }

    @Test
    void refusesBatchesLargerThanTheLimitWithAClearError() {
        List<Map<String, String>> items = java.util.stream.IntStream.range(0, 1001)
                .mapToObj(i -> Map.of("type", "faq", "title", "Q" + i, "content", "A"))
                .toList();

        Api.Response response = api.post("/v1/training/batch", Map.of("items", items));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/details/reason").asString()).isEqualTo("too_many_items");
        assertThat(response.json().at("/error/details/max_items").asInt()).isEqualTo(1000);
    }

    static List<JsonNode> search(Api api, String query) {
        Api.Response response = api.post("/v1/knowledge-base/search", Map.of("query", query, "top_k", 5));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("results").valueStream().toList();
    }
}
