package dev.parley.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.support.SeedDocument;
import dev.parley.support.Shapes;
import dev.parley.tenancy.internal.TenancyFixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seed 001's widget socket as its document writes it (blocks 32 to 34): the auth frame of its connection example, its
 * client frames verbatim, and every server frame it documents, compared by {@link Shapes} with the documented one.
 */
@ApiTest
@Tag("database")
class SeedWidgetSocketConformanceTests {

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    @Test
    void framesAsSeed001DocumentsThem() {
        SeedDocument seed = SeedDocument.read("001");
        String key = fixtures.workspace().liveKey();
        Map<String, JsonNode> documented = new java.util.HashMap<>();
        for (JsonNode frame : seed.block(34).jsonValues()) {
            documented.put(frame.path("type").asString(), frame);
        }
        List<JsonNode> client = seed.block(33).jsonValues();
        assertThat(seed.block(32).text()).contains("/v1/ws").contains("type: 'auth'");

        try (LiveClient socket = LiveClient.widget(port)) {
            // block 32: auth with api_key (conversation_id is optional, for an existing one)
            JsonNode authenticated = socket.auth(Map.of("type", "auth", "api_key", key));
            assertThat(authenticated.path("type").asString()).isEqualTo("authenticated");

            // block 33, verbatim: a message, then the typing indicator
            socket.send(client.get(0).toString());
            JsonNode reply = socket.message("assistant");
            assertThat(Shapes.differences(documented.get("message"), reply)).isEmpty();
            JsonNode typing = socket.passed.stream()
                    .filter(f -> f.path("type").asString().equals("typing"))
                    .findFirst()
                    .orElseGet(() -> socket.next("typing"));
            assertThat(Shapes.differences(documented.get("typing"), typing)).isEmpty();
            assertThat(socket.passed.stream().map(f -> f.path("type").asString()))
                    .as("the customer's own message never comes back as a message frame")
                    .doesNotContain("error")
                    .filteredOn("message"::equals)
                    .isEmpty();
            socket.send(client.get(1).toString());

            // escalated, when the conversation goes to a person
            String conversationId = reply.path("conversation_id")
                    .asString(socket.passed.stream()
                            .filter(f -> f.has("conversation_id"))
                            .map(f -> f.path("conversation_id").asString())
                            .findFirst()
                            .orElseThrow());
            Api.Response escalated = Api.at(port)
                    .withKey(key)
                    .post("/v1/conversations/" + conversationId + "/escalate", Map.of("reason", "asked"));
            assertThat(escalated.status()).isEqualTo(200);
            assertThat(Shapes.differences(documented.get("escalated"), socket.next("escalated")))
                    .isEmpty();

            // error: a frame the server cannot read
            ObjectNode unknown = ((ObjectNode) client.get(0).deepCopy()).put("type", "shout");
            socket.send(unknown.toString());
            JsonNode error = socket.next("error");
            assertThat(Shapes.differences(documented.get("error"), error)).isEmpty();
            assertThat(error.path("code").asString()).isEqualTo("invalid_message");
        }
    }
}
