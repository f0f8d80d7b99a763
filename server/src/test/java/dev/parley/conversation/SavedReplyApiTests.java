package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.platform.Mode;
import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.tenancy.internal.TenancyFixtures;
import dev.parley.tenancy.internal.TenancyFixtures.TestWorkspace;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code /v1/saved-replies}: an agent's canned responses, kept per workspace and mode, written only with live keys,
 * checked field by field, with a taken shortcut refused.
 */
@ApiTest
@Tag("database")
class SavedReplyApiTests {

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
    void aSavedReplyIsCreatedListedSearchedChangedAndDeleted() {
        // given
        Api.Response created = api.post(
                "/v1/saved-replies",
                Map.of("shortcut", "/thanks", "content", "Thank you, {{customer.first_name}}! Anything else?"));

        // then the leading slash is the menu's, not the shortcut's
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(id).startsWith("sr_");
        assertThat(created.json().path("shortcut").asString()).isEqualTo("thanks");
        api.post("/v1/saved-replies", Map.of("shortcut", "refund-time", "content", "Refunds take 5 to 10 days."));

        Api.Response all = api.get("/v1/saved-replies");
        assertThat(all.json().path("pagination").path("total_count").asInt()).isEqualTo(2);
        assertThat(all.json().path("data").get(0).path("shortcut").asString()).isEqualTo("refund-time");
        Api.Response found = api.get("/v1/saved-replies?q=ANYTHING");
        assertThat(found.json().path("data")).hasSize(1);
        assertThat(found.json().path("data").get(0).path("id").asString()).isEqualTo(id);

        // when changed
        Api.Response changed = api.patch("/v1/saved-replies/" + id, Map.of("content", "Thanks a lot!"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(api.get("/v1/saved-replies/" + id).json().path("content").asString())
                .isEqualTo("Thanks a lot!");
        assertThat(api.get("/v1/saved-replies/" + id).json().path("shortcut").asString())
                .isEqualTo("thanks");

        // and deleted
        assertThat(api.delete("/v1/saved-replies/" + id).status()).isEqualTo(200);
        assertThat(api.get("/v1/saved-replies/" + id).status()).isEqualTo(404);
        assertThat(api.delete("/v1/saved-replies/" + id).status()).isEqualTo(404);
    }

    @Test
    void badFieldsAndATakenShortcutAreRefusedInTheEnvelope() {
        assertThat(api.post("/v1/saved-replies", Map.of("content", "No shortcut"))
                        .errorCode())
                .isEqualTo("missing_field");
        Api.Response spaced = api.post("/v1/saved-replies", Map.of("shortcut", "two words", "content", "x"));
        assertThat(spaced.status()).isEqualTo(400);
        assertThat(spaced.json().path("error").path("details").path("field").asString())
                .isEqualTo("shortcut");
        assertThat(api.post("/v1/saved-replies", Map.of("shortcut", "long", "content", "x".repeat(4001)))
                        .errorCode())
                .isEqualTo("invalid_request");
        assertThat(api.post("/v1/saved-replies", Map.of("shortcut", "blank", "content", "   "))
                        .errorCode())
                .isEqualTo("missing_field");

        assertThat(api.post("/v1/saved-replies", Map.of("shortcut", "hello", "content", "Hello!"))
                        .status())
                .isEqualTo(201);
        Api.Response taken = api.post("/v1/saved-replies", Map.of("shortcut", "hello", "content", "Hi again"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.errorCode()).isEqualTo("conflict");
        assertThat(taken.json().path("error").path("message").asString()).contains("hello");
        String other = api.post("/v1/saved-replies", Map.of("shortcut", "bye", "content", "Bye!"))
                .json()
                .path("id")
                .asString();
        assertThat(api.patch("/v1/saved-replies/" + other, Map.of("shortcut", "hello"))
                        .status())
                .isEqualTo(409);
        assertThat(api.get("/v1/saved-replies?per_page=500").status()).isEqualTo(400);
    }

    @Test
    void testKeysWriteNothingAndSeeNoLiveRepliesAndAnotherWorkspaceSeesNone() {
        String id = api.post("/v1/saved-replies", Map.of("shortcut", "hours", "content", "We open at nine."))
                .json()
                .path("id")
                .asString();

        Api test = Api.at(port).withKey(fixtures.key(workspace.id(), Mode.TEST));
        Api.Response refused = test.post("/v1/saved-replies", Map.of("shortcut", "t", "content", "From a test key"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("insufficient_permissions");
        assertThat(test.get("/v1/saved-replies").json().path("data")).isEmpty();
        assertThat(test.get("/v1/saved-replies/" + id).status()).isEqualTo(404);
        assertThat(test.delete("/v1/saved-replies/" + id).status()).isEqualTo(403);

        Api elsewhere = Api.at(port).withKey(fixtures.workspace().liveKey());
        assertThat(elsewhere.get("/v1/saved-replies/" + id).status()).isEqualTo(404);
        assertThat(elsewhere
                        .patch("/v1/saved-replies/" + id, Map.of("content", "taken over"))
                        .status())
                .isEqualTo(404);
        assertThat(elsewhere.delete("/v1/saved-replies/" + id).status()).isEqualTo(404);
        assertThat(elsewhere.get("/v1/saved-replies").json().path("data")).isEmpty();
        // the same shortcut is free in another workspace
        assertThat(elsewhere
                        .post("/v1/saved-replies", Map.of("shortcut", "hours", "content", "Ours differ."))
                        .status())
                .isEqualTo(201);
        assertThat(api.get("/v1/saved-replies/" + id).json().path("content").asString())
                .isEqualTo("We open at nine.");
    }
}
