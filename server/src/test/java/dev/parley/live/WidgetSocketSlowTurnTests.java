package dev.parley.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.assistant.ScriptedOpenAiServerForTests;
import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.tenancy.internal.TenancyFixtures;
import dev.parley.tenancy.internal.TenancyFixtures.TestWorkspace;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A widget socket whose turn is slow keeps answering: its pings, its other frames, and other sockets. The turn is
 * held by the scripted language model (a local fake on 127.0.0.2) until the test releases it, so nothing depends on
 * a clock.
 */
@ApiTest
@Tag("database")
class WidgetSocketSlowTurnTests {

    static final String ORIGIN = "https://slow.example";

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    TestWorkspace workspace;
    String widgetKey;
    ScriptedOpenAiServerForTests model;
    final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void setUp() {
        workspace = fixtures.workspace("enterprise", "slow.example");
        widgetKey = fixtures.publishableKey(workspace.id());
        Api api = Api.at(port).withKey(workspace.liveKey());
        api.post(
                "/v1/knowledge-base",
                Map.of(
                        "title", "Gift wrapping and shipping abroad",
                        "content",
                                "Gift wrapping costs 3 euros per order. We ship to Norway and the rest of Europe in 4 to 6 business days."));
        model = ScriptedOpenAiServerForTests.start();
        Api.Response response = api.send("PUT", "/v1/assistant/model", model.modelSettings());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        release.countDown();
        model.close();
    }

    @Test
    void aSocketAnswersPingsAndOtherFramesWhileItsTurnIsSlow() {
        model.answersWhenReleased(release, "The first answer.").answers("The second answer.");
        try (LiveClient widget = LiveClient.widget(port, ORIGIN)) {
            // given: a turn waiting for the model
            widget.auth(Map.of("type", "auth", "api_key", widgetKey));
            widget.send(Map.of("type", "message", "content", "Tell me about your gift wrapping please"));
            awaitModelRequests(1);

            // when
            boolean pong = widget.pingAnswered("still there?");
            widget.send(Map.of("type", "no-such-frame"));
            JsonNode refused = widget.next("error");
            widget.send(Map.of("type", "message", "content", "And do you ship to Norway?"));
            JsonNode otherAuthenticated;
            try (LiveClient other = LiveClient.widget(port, ORIGIN)) {
                otherAuthenticated = other.auth(Map.of("type", "auth", "api_key", widgetKey));
            }
            release.countDown();

            // then
            assertThat(pong).isTrue();
            assertThat(refused.path("code").asString()).isEqualTo("invalid_message");
            assertThat(otherAuthenticated.path("type").asString()).isEqualTo("authenticated");
            // the socket's own messages are answered one after the other, in the order they came
            assertThat(widget.message("assistant").path("content").asString()).isEqualTo("The first answer.");
            assertThat(widget.message("assistant").path("content").asString()).isEqualTo("The second answer.");
            assertThat(model.requests()).hasSize(2);
            assertThat(model.requests().get(1).body().toString()).contains("Norway");
        }
    }

    private void awaitModelRequests(int count) {
        long deadline = System.nanoTime() + LiveClient.WAIT.toNanos();
        while (model.requests().size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the model was not asked within " + LiveClient.WAIT);
            }
            try {
                Thread.sleep(Duration.ofMillis(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
