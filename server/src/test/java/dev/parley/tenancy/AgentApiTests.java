package dev.parley.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.platform.Mode;
import dev.parley.platform.Scope;
import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.tenancy.internal.TenancyFixtures;
import dev.parley.tenancy.internal.TenancyFixtures.TestWorkspace;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Console users (seed 003's agents): invitation, the team list, changes, deactivation, sign-in and sign-out. */
@ApiTest
@Tag("database")
class AgentApiTests {

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    TestWorkspace workspace;
    Api admin;

    @BeforeEach
    void setUp() {
        workspace = fixtures.workspace();
        admin = Api.at(port).withKey(workspace.liveKey());
    }

    static String email(String name) {
        return name + "-" + UUID.randomUUID() + "@company.uz";
    }

    JsonNode invite(String name, String role, String email) {
        Api.Response created = admin.post(
                "/v1/agents", Map.of("name", name, "email", email, "role", role, "password", "correct horse battery"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    String signIn(String email) {
        Api.Response login =
                Api.at(port).post("/v1/auth/login", Map.of("email", email, "password", "correct horse battery"));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return login.json().path("token").asString();
    }

    @Test
    void invitesAnAgentAndListsTheTeamInSeed003sShape() {
        String email = email("sara");
        JsonNode sara = invite("Sara", "operator", email.toUpperCase());

        JsonNode list = admin.get("/v1/agents").json();

        assertThat(sara.path("id").asString()).startsWith("agent_");
        assertThat(sara.path("role").asString()).isEqualTo("agent");
        assertThat(sara.path("email").asString()).isEqualTo(email);
        assertThat(sara.path("capacity").asInt()).isEqualTo(5);
        assertThat(sara.has("password")).isFalse();
        assertThat(sara.toString()).doesNotContain("pbkdf2");
        JsonNode row = list.path("data").get(0);
        assertThat(row.path("id").asString()).isEqualTo(sara.path("id").asString());
        for (String field : new String[] {"name", "email", "role", "status", "active_chats", "total_chats"}) {
            assertThat(row.has(field)).as(field).isTrue();
        }
        assertThat(row.path("active_chats").asInt()).isZero();
        assertThat(admin.get("/v1/agents/" + sara.path("id").asString())
                        .json()
                        .path("name")
                        .asString())
                .isEqualTo("Sara");
    }

    @Test
    void refusesBadInvitationsWithFourHundreds() {
        String email = email("dup");
        invite("Dup", "agent", email);

        assertThat(admin.post("/v1/agents", Map.of("name", "X", "email", email, "password", "long enough 1"))
                        .status())
                .isEqualTo(409);
        assertThat(admin.post("/v1/agents", Map.of("name", "X", "email", "not-an-email", "password", "long enough"))
                        .errorCode())
                .isEqualTo("invalid_request");
        assertThat(admin.post("/v1/agents", Map.of("name", "X", "email", email("x"), "password", "short"))
                        .status())
                .isEqualTo(400);
        assertThat(admin.post("/v1/agents", Map.of("name", "X", "email", email("x")))
                        .errorCode())
                .isEqualTo("missing_field");
        assertThat(admin.post(
                                "/v1/agents",
                                Map.of("name", "X", "email", email("x"), "password", "long enough", "role", "boss"))
                        .status())
                .isEqualTo(400);
        assertThat(admin.post(
                                "/v1/agents",
                                Map.of("name", "X", "email", email("x"), "password", "long enough", "capacity", 0))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void signsInWithTheRightPasswordOnlyAndTheTokenActsAsTheAgent() {
        String email = email("ali");
        String id = invite("Ali", "agent", email).path("id").asString();

        Api.Response wrong = Api.at(port).post("/v1/auth/login", Map.of("email", email, "password", "wrong password"));
        Api.Response unknown =
                Api.at(port).post("/v1/auth/login", Map.of("email", email("nobody"), "password", "wrong password"));
        String token = signIn(email);
        Api agent = Api.at(port).withKey(token);

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.errorCode()).isEqualTo("invalid_credentials");
        assertThat(wrong.json().at("/error/message").asString()).isNotBlank();
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.errorCode()).isEqualTo("invalid_credentials");
        assertThat(token).startsWith("ct_");
        assertThat(agent.get("/v1/agents").status()).isEqualTo(200);
        assertThat(agent.get("/v1/agents/" + id).json().path("status").asString())
                .isEqualTo("online");
        // An agent works conversations but does not manage the team.
        assertThat(agent.post("/v1/agents", Map.of("name", "X", "email", email("x"), "password", "long enough"))
                        .status())
                .isEqualTo(403);
        assertThat(agent.patch("/v1/agents/" + id, Map.of("status", "away"))
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("away");
        assertThat(agent.patch("/v1/agents/" + id, Map.of("capacity", 50)).status())
                .isEqualTo(403);

        assertThat(agent.post("/v1/auth/logout", Map.of()).status()).isEqualTo(204);
        assertThat(agent.get("/v1/agents").status()).isEqualTo(401);
    }

    @Test
    void anAdminTokenManagesTheTeam() {
        String email = email("boss");
        invite("Boss", "admin", email);
        Api boss = Api.at(port).withKey(signIn(email));

        Api.Response created =
                boss.post("/v1/agents", Map.of("name", "New", "email", email("new"), "password", "long enough"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(boss.get("/v1/stores/" + workspace.id()).status()).isEqualTo(200);
    }

    @Test
    void locksAnEmailAfterRepeatedWrongPasswords() {
        String email = email("target");
        invite("Target", "agent", email);

        for (int i = 0; i < 5; i++) {
            assertThat(Api.at(port)
                            .post("/v1/auth/login", Map.of("email", email, "password", "guess " + i))
                            .status())
                    .isEqualTo(401);
        }
        Api.Response locked =
                Api.at(port).post("/v1/auth/login", Map.of("email", email, "password", "correct horse battery"));

        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.errorCode()).isEqualTo("rate_limited");
        assertThat(locked.header("Retry-After").map(Long::parseLong))
                .hasValueSatisfying(seconds -> assertThat(seconds).isBetween(1L, 15 * 60L));
    }

    @Test
    void answersUnknownAndKnownEmailsAlikeLockoutIncluded() {
        String known = email("known");
        invite("Known", "agent", known);
        String unknown = email("nobody");

        for (String email : java.util.List.of(known, unknown)) {
            for (int i = 0; i < 5; i++) {
                Api.Response wrong = Api.at(port).post("/v1/auth/login", Map.of("email", email, "password", "guess"));
                assertThat(wrong.status()).as(email).isEqualTo(401);
                assertThat(wrong.errorCode()).isEqualTo("invalid_credentials");
            }
            Api.Response locked =
                    Api.at(port).post("/v1/auth/login", Map.of("email", email, "password", "correct horse battery"));
            assertThat(locked.status()).as(email).isEqualTo(429);
            assertThat(locked.errorCode()).isEqualTo("rate_limited");
            assertThat(locked.header("Retry-After")).as(email).isPresent();
        }
    }

    @Test
    void checksNoMoreThanFivePasswordsWhenTwentyAttemptsArriveAtOnce() {
        String email = email("raced");
        invite("Raced", "agent", email);

        java.util.List<Integer> statuses = dev.parley.support.Concurrently.run(
                20,
                i -> Api.at(port)
                        .withHeader("X-Forwarded-For", "198.51.100." + (i + 1))
                        .post("/v1/auth/login", Map.of("email", email, "password", "guess " + i))
                        .status());

        assertThat(statuses.stream().filter(s -> s == 401)).hasSize(5);
        assertThat(statuses.stream().filter(s -> s == 429)).hasSize(15);
        assertThat(Api.at(port)
                        .post("/v1/auth/login", Map.of("email", email, "password", "correct horse battery"))
                        .status())
                .isEqualTo(429);
    }

    @Test
    void changesAndDeactivatesAgents() {
        String email = email("leaving");
        String id = invite("Leaving", "agent", email).path("id").asString();

        JsonNode changed = admin.patch(
                        "/v1/agents/" + id, Map.of("name", "Renamed", "role", "admin", "capacity", 8, "status", "away"))
                .json();
        Api.Response badStatus = admin.patch("/v1/agents/" + id, Map.of("status", "sleeping"));
        Api.Response deactivated = admin.delete("/v1/agents/" + id);
        Api.Response login =
                Api.at(port).post("/v1/auth/login", Map.of("email", email, "password", "correct horse battery"));

        assertThat(changed.path("name").asString()).isEqualTo("Renamed");
        assertThat(changed.path("role").asString()).isEqualTo("admin");
        assertThat(changed.path("capacity").asInt()).isEqualTo(8);
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(deactivated.json().path("active").asBoolean()).isFalse();
        assertThat(login.status()).isEqualTo(401);
        assertThat(admin.get("/v1/agents")
                        .json()
                        .path("data")
                        .valueStream()
                        .map(a -> a.path("id").asString()))
                .doesNotContain(id);
        assertThat(admin.get("/v1/agents?include_inactive=true")
                        .json()
                        .path("data")
                        .valueStream()
                        .map(a -> a.path("id").asString()))
                .contains(id);
    }

    @Test
    void anotherWorkspacesAgentsAnswer404() {
        String id = invite("Mine", "agent", email("mine")).path("id").asString();
        Api other = Api.at(port).withKey(fixtures.workspace().liveKey());

        assertThat(other.get("/v1/agents/" + id).status()).isEqualTo(404);
        assertThat(other.patch("/v1/agents/" + id, Map.of("name", "Stolen")).status())
                .isEqualTo(404);
        assertThat(other.delete("/v1/agents/" + id).status()).isEqualTo(404);
        assertThat(other.get("/v1/agents").json().path("data")).isEmpty();
        assertThat(admin.get("/v1/agents/agent_missing").status()).isEqualTo(404);
    }

    @Test
    void keysWithoutTheTeamScopeCannotInvite() {
        Api reader = Api.at(port).withKey(fixtures.key(workspace.id(), Mode.LIVE, Scope.CONVERSATIONS_READ));
        Api test = Api.at(port).withKey(fixtures.key(workspace.id(), Mode.TEST));

        assertThat(reader.post("/v1/agents", Map.of("name", "X", "email", email("x"), "password", "long enough"))
                        .status())
                .isEqualTo(403);
        assertThat(test.post("/v1/agents", Map.of("name", "X", "email", email("x"), "password", "long enough"))
                        .status())
                .isEqualTo(403);
    }
}
