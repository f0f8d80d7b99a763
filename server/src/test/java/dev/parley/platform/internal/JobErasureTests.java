package dev.parley.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.platform.Jobs;
import dev.parley.platform.Mode;
import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.tenancy.internal.TenancyFixtures;
import dev.parley.tenancy.internal.TenancyFixtures.TestWorkspace;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A GDPR erasure reaches the job table: work still queued about the customer is cancelled and forgets them, in that
 * workspace only. The jobs here are of a type no handler runs, so they stay queued until the erasure.
 */
@ApiTest
@Tag("database")
class JobErasureTests {

    static final String TYPE = "test.never_run";

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    @Autowired
    Jobs jobs;

    @Autowired
    JdbcClient jdbc;

    @Test
    void erasingACustomerCancelsAndEmptiesTheJobsThatMentionThemInThatWorkspaceOnly() {
        TestWorkspace workspace = fixtures.workspace();
        TestWorkspace other = fixtures.workspace();
        Api api = Api.at(port).withKey(workspace.liveKey());
        String conversationId = api.post(
                        "/v1/conversations",
                        Map.of("customer_email", "rosa@example.com", "initial_message", "Where is my order?"))
                .json()
                .path("conversation_id")
                .asString();
        String byEmail = jobs.enqueue(
                workspace.id(),
                Mode.LIVE,
                TYPE,
                Map.of("email", "Rosa@Example.com", "content", "my address is 1 Elm St"));
        String byConversation = jobs.enqueue(
                workspace.id(), Mode.LIVE, TYPE, Map.of("conversation_id", conversationId, "kind", "message"));
        String unrelated = jobs.enqueue(workspace.id(), Mode.LIVE, TYPE, Map.of("email", "sam@example.com"));
        String elsewhere = jobs.enqueue(other.id(), Mode.LIVE, TYPE, Map.of("email", "rosa@example.com"));

        Api.Response erased = api.send("DELETE", "/v1/gdpr/delete", Map.of("email", "rosa@example.com"));

        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(erased.json().at("/erased/platform.jobs").asLong()).isEqualTo(2);
        for (String id : new String[] {byEmail, byConversation}) {
            assertThat(row(id)).containsEntry("status", "cancelled").containsEntry("payload", "{}");
        }
        assertThat(row(unrelated)).containsEntry("status", "queued");
        assertThat((String) row(unrelated).get("payload")).contains("sam@example.com");
        assertThat(row(elsewhere)).containsEntry("status", "queued");
        assertThat((String) row(elsewhere).get("payload")).contains("rosa@example.com");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM jobs WHERE workspace_id = ? AND LOWER(payload) LIKE ?")
                        .params(workspace.id(), "%rosa@example.com%")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private Map<String, Object> row(String jobId) {
        return jdbc.sql("SELECT status, payload FROM jobs WHERE id = ?")
                .param(jobId)
                .query((rs, i) ->
                        Map.<String, Object>of("status", rs.getString("status"), "payload", rs.getString("payload")))
                .single();
    }
}
