package dev.parley.sdk.live;

import static dev.parley.sdk.live.LiveServer.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.sdk.InvalidRequestException;
import dev.parley.sdk.NotFoundException;
import dev.parley.sdk.Parley;
import dev.parley.sdk.model.Article;
import dev.parley.sdk.model.ChatResponse;
import dev.parley.sdk.model.ChatSendParams;
import dev.parley.sdk.model.Document;
import dev.parley.sdk.model.Intent;
import dev.parley.sdk.model.JsonObject;
import dev.parley.sdk.model.ModelSettings;
import dev.parley.sdk.model.Params;
import dev.parley.sdk.model.ScrapeJob;
import dev.parley.sdk.model.ScrapeParams;
import dev.parley.sdk.model.SearchResponse;
import dev.parley.sdk.model.TrainingItem;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Knowledge base, search, chat.send, training, documents, intents and the assistant model, against the real server. */
class KnowledgeLiveTest {
    private static Parley client;

    @BeforeAll
    static void workspace() {
        client = LiveServer.get().newWorkspace().client;
    }

    @Test
    void knowledgeBaseSearchAndChatSend() {
        Article article = client.knowledgeBase()
                .create(Params.of(
                        "title", "Gift wrapping",
                        "content",
                                "We wrap any order in recycled paper for two dollars. Choose gift wrapping at checkout.",
                        "category", "shipping",
                        "tags", List.of("gifts")));
        assertTrue(article.articleId().startsWith("kb_"), article.articleId());
        eventually(
                "the article indexed",
                () -> client.knowledgeBase().get(article.articleId()).indexed());
        assertEquals(
                "orders",
                client.knowledgeBase()
                        .update(article.articleId(), Params.of("category", "orders"))
                        .category());
        assertTrue(client.knowledgeBase().list(Params.of("category", "orders")).stream()
                .anyMatch(a -> a.articleId().equals(article.articleId())));

        SearchResponse found = eventually("the article in search", () -> {
            SearchResponse r = client.search(Params.of("query", "can you gift wrap my order", "topK", 3));
            return r.results().stream().anyMatch(x -> x.sourceId().equals(article.articleId())) ? r : null;
        });
        assertTrue(found.results().get(0).score() > 0);

        ChatResponse chat = client.chat()
                .send(new ChatSendParams()
                        .message("Do you offer gift wrapping?")
                        .context(Map.of("pageUrl", "https://shop.test/cart")));
        assertTrue(chat.conversationId().startsWith("conv_"));
        assertTrue(!chat.response().isEmpty());
        assertTrue(chat.metadata().getLong("search_count") >= 0);

        Article replaced = client.knowledgeBase()
                .replace(article.articleId(), Params.of("title", "New title", "content", "New content about parcels."));
        assertEquals("New title", replaced.title());
        assertNull(replaced.category(), "what PUT omits is reset");
        assertThrows(
                InvalidRequestException.class,
                () -> client.knowledgeBase().replace(article.articleId(), Params.of("content", "only content")));

        client.knowledgeBase().delete(article.articleId());
        assertThrows(NotFoundException.class, () -> client.knowledgeBase().get(article.articleId()));
    }

    @Test
    void trainingAndDocuments() {
        TrainingItem item = client.training()
                .create(Params.of(
                        "type", "faq",
                        "title", "Loyalty points",
                        "content", "Every dollar spent earns one loyalty point.",
                        "metadata", Map.of("category", "loyalty")));
        assertEquals("faq", item.type());
        JsonObject batch = client.training()
                .createBatch(List.of(
                        Params.of(
                                "type",
                                "policy",
                                "title",
                                "Price match",
                                "content",
                                "We match a lower price within 14 days."),
                        Params.of("type", "guide", "title", "Sizing", "content", "Our shoes run half a size large.")));
        assertEquals(2, batch.getInt("created"));
        assertEquals("Loyalty points", client.training().get(item.id()).title());
        assertEquals(
                "Loyalty programme",
                client.training()
                        .update(item.id(), Params.of("title", "Loyalty programme"))
                        .title());
        assertTrue(client.training().list(Params.of("type", "faq")).stream().anyMatch(t -> t.id().equals(item.id())));
        client.training().delete(item.id());
        assertThrows(NotFoundException.class, () -> client.training().get(item.id()));

        Document doc = client.documents()
                .upload(
                        "# Returns\n\nReturn unworn shoes within 30 days.".getBytes(StandardCharsets.UTF_8),
                        "returns.md",
                        "text/markdown",
                        Params.of("title", "Returns policy", "tags", List.of("returns", "policy")));
        assertTrue(doc.documentId().startsWith("kb_"), doc.documentId());
        assertEquals("returns.md", doc.filename());
        assertEquals(
                "Returns policy",
                client.knowledgeBase().documents().get(doc.documentId()).title());
        assertTrue(client.documents().list(null).stream()
                .anyMatch(d -> d.documentId().equals(doc.documentId())));
        client.documents().delete(doc.documentId());
        assertThrows(NotFoundException.class, () -> client.documents().get(doc.documentId()));
    }

    @Test
    void intentsAndTheAssistantModelSettings() {
        assertTrue(client.intents().list(null).stream().anyMatch(i -> i.name().equals("order_status") && i.builtIn()));
        Intent created = client.intents()
                .create(Params.of(
                        "name",
                        "loyalty_points",
                        "examples",
                        List.of(
                                "how many points do I have",
                                "check my loyalty balance",
                                "points on my account",
                                "loyalty program balance",
                                "redeem my points")));
        assertEquals("loyalty_points", created.name());
        Intent updated =
                client.intents().update("loyalty_points", Params.of("addExamples", List.of("do my points expire")));
        assertTrue(updated.examples().contains("do my points expire"));
        assertEquals("loyalty_points", client.intents().get("loyalty_points").name());
        client.intents().delete("loyalty_points");
        assertThrows(NotFoundException.class, () -> client.intents().get("loyalty_points"));

        assertEquals("none", client.assistantModel().get().provider());
        assertThrows(
                InvalidRequestException.class,
                () -> client.assistantModel()
                        .update(Params.of(
                                "provider",
                                "openai_compatible",
                                "baseUrl",
                                "http://169.254.169.254/v1",
                                "model",
                                "m")));
        ModelSettings model = client.assistantModel()
                .update(Params.of(
                        "provider", "openai_compatible",
                        "baseUrl", "http://127.0.0.1:9/v1",
                        "model", "local-model",
                        "apiKey", "sk-local",
                        "temperature", 0.2));
        assertEquals("openai_compatible", model.provider());
        assertTrue(model.apiKeySet());
        assertTrue(!model.has("api_key"), "the key is write-only");
        assertEquals("local-model", client.assistantModel().get().model());
        assertEquals("none", client.assistantModel().delete().provider());
    }

    @Test
    void scrapingStartStatusCancel() {
        // A crawl of a loopback port nobody listens on, cancelled at once (or already failed: both are final).
        ScrapeJob job = client.scraping()
                .start(new ScrapeParams().url("http://127.0.0.1:9/").maxPages(1));
        assertEquals("queued", job.status());
        try {
            client.scraping().cancel(job.jobId());
        } catch (dev.parley.sdk.ConflictException alreadyFinal) {
            assertEquals(409, alreadyFinal.status());
        }
        ScrapeJob last = client.scraping().waitFor(job.jobId(), Duration.ofSeconds(60));
        assertTrue(List.of("cancelled", "failed").contains(last.status()), last.toJson());
        assertThrows(NotFoundException.class, () -> client.scraping().status("job_nope"));
    }
}
