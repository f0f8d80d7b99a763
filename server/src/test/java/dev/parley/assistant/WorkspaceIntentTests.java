package dev.parley.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.platform.Mode;
import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.tenancy.internal.TenancyFixtures;
import dev.parley.tenancy.internal.TenancyFixtures.TestWorkspace;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A workspace teaches the assistant an intent of its own by examples, and only that workspace's turns use it. */
@ApiTest
@Tag("database")
class WorkspaceIntentTests {

    static final List<String> GIFT_WRAP = List.of(
            "can you gift wrap my order",
            "do you offer gift wrapping",
            "i want this wrapped as a present",
            "is gift wrap available for birthday presents",
            "please wrap the shoes in gift paper",
            "add a gift box and ribbon",
            "can i get it wrapped with a card",
            "how much is gift wrapping");

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    @Autowired
    Assistant assistant;

    TestWorkspace workspace;
    Api api;

    @BeforeEach
    void setUp() {
        workspace = fixtures.workspace();
        api = Api.at(port).withKey(workspace.liveKey());
    }

    @Test
    void learnsAWorkspacesOwnIntentFromExamplesAndUsesItByItself() {
        Api.Response created = api.post(
                "/v1/intents",
                Map.of("name", "gift_wrap", "description", "Gift wrapping requests", "examples", GIFT_WRAP));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("examples_count").asInt()).isEqualTo(8);
        assertThat(awaitIntent(workspace.id(), "could you wrap it nicely as a gift for my mum", "gift_wrap"::equals))
                .isEqualTo("gift_wrap");
        TestWorkspace other = fixtures.workspace();
        assertThat(intentOf(other.id(), "could you wrap it nicely as a gift for my mum"))
                .isNotEqualTo("gift_wrap");

        JsonNode listed = api.get("/v1/intents").json();
        assertThat(listed.path("data")
                        .valueStream()
                        .filter(i -> i.path("built_in").asBoolean())
                        .count())
                .isEqualTo(32);
        assertThat(listed.path("data").valueStream().map(i -> i.path("name").asString()))
                .contains("gift_wrap", "order_status");

        Api.Response removed = api.delete("/v1/intents/gift_wrap");
        assertThat(removed.json().path("deleted").asBoolean()).isTrue();
        assertThat(awaitIntent(
                        workspace.id(), "could you wrap it nicely as a gift for my mum", i -> !i.equals("gift_wrap")))
                .isNotEqualTo("gift_wrap");
    }

    @Test
    void editsExamplesAndProtectsTheBuiltInIntents() {
        api.post("/v1/intents", Map.of("name", "gift_wrap", "examples", GIFT_WRAP.subList(0, 3)));

        int builtInExamples = api.get("/v1/intents/order_status")
                .json()
                .path("examples_count")
                .asInt();
        Api.Response added = api.patch("/v1/intents/gift_wrap", Map.of("add_examples", GIFT_WRAP.subList(3, 8)));
        Api.Response duplicate = api.post("/v1/intents", Map.of("name", "gift_wrap", "examples", List.of("x")));
        Api.Response builtIn = api.post("/v1/intents", Map.of("name", "order_status", "examples", List.of("x")));
        Api.Response deleteBuiltIn = api.delete("/v1/intents/order_status");
        Api.Response badName = api.post("/v1/intents", Map.of("name", "Gift Wrap!", "examples", List.of("x")));
        Api.Response noExamples = api.post("/v1/intents", Map.of("name", "sizes"));

        assertThat(added.json().path("examples_count").asInt()).isEqualTo(8);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(builtIn.status()).isEqualTo(409);
        assertThat(deleteBuiltIn.status()).isEqualTo(409);
        assertThat(badName.json().at("/error/details/field").asString()).isEqualTo("name");
        assertThat(noExamples.errorCode()).isEqualTo("missing_field");
        assertThat(api.get("/v1/intents/order_status")
                        .json()
                        .path("examples_count")
                        .asInt())
                .as("the refused writes leave the built-in intent's examples as they were")
                .isPositive()
                .isEqualTo(builtInExamples);
        assertThat(Api.at(port)
                        .withKey(fixtures.workspace().liveKey())
                        .get("/v1/intents/gift_wrap")
                        .status())
                .isEqualTo(404);
    }

    private String intentOf(String workspaceId, String message) {
        return assistant
                .respond(new TurnRequest(
                        workspaceId, Mode.LIVE, "conv_x", message, List.of(), ConversationMemory.EMPTY, null))
                .analysis()
                .intent();
    }

    /** Retraining happens in the background: asks again until the intent is as expected, for up to a minute. */
    private String awaitIntent(String workspaceId, String message, java.util.function.Predicate<String> expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String intent = intentOf(workspaceId, message);
        while (!expected.test(intent) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            intent = intentOf(workspaceId, message);
        }
        return intent;
    }
}
