package dev.parley.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.support.TestClock;
import dev.parley.tenancy.internal.TenancyFixtures;
import dev.parley.tenancy.internal.TenancyFixtures.TestStore;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console over plain HTTP: the session cookie, CSRF on every form, expiry, the inbox and the conversation
 * actions through the conversation module's public desk, escaping, and workspace isolation.
 */
@ApiTest
@Tag("database")
class ConsoleTests {

    static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    TestStore store;
    Api api;

    @BeforeEach
    void setUp() {
        store = fixtures.store();
        api = Api.at(port).withKey(store.liveKey());
    }

    @AfterEach
    void resumeClock() {
        TestClock.shared().resume();
    }

    String agent(Api as, String name, String role) {
        String email = "agent-" + UUID.randomUUID() + "@shop.example";
        Api.Response created =
                as.post("/v1/agents", Map.of("name", name, "email", email, "password", PASSWORD, "role", role));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return email;
    }

    String conversation(Api as, String name, String message) {
        Api.Response created = as.post(
                "/v1/conversations",
                Map.of(
                        "channel",
                        "widget",
                        "customer_email",
                        "c-" + UUID.randomUUID() + "@example.com",
                        "customer_name",
                        name,
                        "initial_message",
                        message));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.json().path("conversation_id").asString();
    }

    @Test
    void signsInWithAnHttpOnlySameSiteCookieAndOutAgain() throws Exception {
        ConsoleHttp console = new ConsoleHttp(port);
        String email = agent(api, "Dilnoza", "agent");

        assertThat(console.get("/console").statusCode()).isEqualTo(302);
        assertThat(console.get("/console").headers().firstValue("Location").orElse(""))
                .endsWith("/console/login");
        HttpResponse<String> wrong = console.signIn(email, "not the password");
        assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(401);
        assertThat(wrong.body()).contains("role=\"alert\"");

        HttpResponse<String> signedIn = console.signIn(email, PASSWORD);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        String setCookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie)
                .startsWith("parley_console=ct_")
                .contains("HttpOnly")
                .contains("SameSite=Lax");
        assertThat(setCookie).doesNotContain("Secure");
        HttpResponse<String> inbox = console.get("/console");
        assertThat(inbox.statusCode()).isEqualTo(200);
        assertThat(inbox.body()).contains("Dilnoza");

        assertThat(console.act("/console/logout", Map.of()).statusCode()).isEqualTo(302);
        assertThat(console.get("/console").statusCode()).isEqualTo(302);
    }

    @Test
    void everyFormNeedsTheSessionsCsrfToken() throws Exception {
        ConsoleHttp console = new ConsoleHttp(port);
        console.signIn(agent(api, "Aziz", "agent"), PASSWORD);
        String id = conversation(api, "Ali", "Where is my order?");

        HttpResponse<String> missing = console.post("/console/conversations/" + id + "/reply", Map.of("content", "Hi"));
        HttpResponse<String> forged = console.post(
                "/console/conversations/" + id + "/reply", Map.of("content", "Hi", "_csrf", "0".repeat(64)));
        ConsoleHttp other = new ConsoleHttp(port);
        other.signIn(agent(api, "Other", "agent"), PASSWORD);
        HttpResponse<String> anotherSessions =
                console.post("/console/conversations/" + id + "/reply", Map.of("content", "Hi", "_csrf", other.csrf()));

        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(anotherSessions.statusCode()).isEqualTo(403);
        assertThat(api.get("/v1/conversations/" + id).json().path("messages").toString())
                .doesNotContain("\"agent\"");
        assertThat(console.act("/console/conversations/" + id + "/reply", Map.of("content", "On its way"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(api.get("/v1/conversations/" + id).text()).contains("On its way");
    }

    @Test
    void anExpiredSessionGoesBackToSignIn() throws Exception {
        ConsoleHttp console = new ConsoleHttp(port);
        console.signIn(agent(api, "Kamola", "agent"), PASSWORD);
        assertThat(console.get("/console").statusCode()).isEqualTo(200);

        TestClock.shared().freeze();
        TestClock.shared().advance(Duration.ofHours(13));

        HttpResponse<String> page = console.get("/console");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/console/login");
        HttpResponse<String> poll = console.get("/console/inbox/rows");
        assertThat(poll.statusCode()).isIn(302, 401);
    }

    @Test
    void theAgentWorksAConversationFromTheInbox() throws Exception {
        ConsoleHttp console = new ConsoleHttp(port);
        console.signIn(agent(api, "Sardor", "agent"), PASSWORD);
        String id = conversation(api, "Madina", "Do you sell gift cards?");
        String other = conversation(api, "Bekzod", "What are your opening hours?");

        assertThat(console.get("/console").body()).contains("Madina").contains("Bekzod");
        assertThat(console.get("/console/inbox/rows?unassigned=true").body()).contains("Madina");

        console.act("/console/conversations/" + id + "/assign", Map.of("agent_id", "me"));
        assertThat(console.get("/console/inbox/rows?mine=true").body())
                .contains("Madina")
                .doesNotContain("Bekzod");
        assertThat(console.get("/console/inbox/rows?unassigned=true").body()).doesNotContain("Madina");
        console.act("/console/conversations/" + id + "/note", Map.of("content", "VIP customer"));
        console.act("/console/conversations/" + id + "/tag", Map.of("tags", "vip, shipping"));
        console.act("/console/conversations/" + id + "/reply", Map.of("content", "Hello Madina, Sardor here."));
        console.act("/console/conversations/" + id + "/resolve", Map.of());

        String page = console.get("/console/conversations/" + id).body();
        assertThat(page)
                .contains("VIP customer")
                .contains("Hello Madina, Sardor here.")
                .contains("resolved");
        assertThat(api.get("/v1/conversations/" + id).json().path("tags").toString())
                .isEqualTo("[\"vip\",\"shipping\"]");
        assertThat(console.get("/console/inbox/rows?status=resolved").body())
                .contains("Madina")
                .doesNotContain("Bekzod");
        HttpResponse<String> refused = console.act("/console/conversations/" + other + "/handback", Map.of());
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location").orElse("")).contains("error=");
        assertThat(console.get("/console/inbox/rows?status=bogus").statusCode()).isEqualTo(200);
    }

    @Test
    void scriptInNamesMessagesAndTagsIsShownAsText() throws Exception {
        ConsoleHttp console = new ConsoleHttp(port);
        console.signIn(agent(api, "<script>alert('agent')</script>", "admin"), PASSWORD);
        String id = conversation(api, "<img src=x onerror=alert(1)>", "<script>alert('message')</script>");
        console.act("/console/conversations/" + id + "/note", Map.of("content", "<b onmouseover=alert(2)>note</b>"));

        String inbox = console.get("/console").body();
        String page = console.get("/console/conversations/" + id).body();

        assertThat(inbox).doesNotContain("<img src=x").contains("&lt;img src=x onerror=alert(1)&gt;");
        assertThat(inbox).doesNotContain("<script>alert('agent')").contains("&lt;script&gt;alert(");
        assertThat(page).doesNotContain("<script>alert('message')</script>").contains("&lt;script&gt;");
        assertThat(page).doesNotContain("<b onmouseover").contains("&lt;b onmouseover=alert(2)&gt;");
    }

    @Test
    void anotherWorkspacesConversationIsNotFoundAndAgentsSeeNoAdminPages() throws Exception {
        ConsoleHttp console = new ConsoleHttp(port);
        console.signIn(agent(api, "Jasur", "agent"), PASSWORD);
        TestStore otherStore = fixtures.store();
        Api other = Api.at(port).withKey(otherStore.liveKey());
        String theirs = conversation(other, "Stranger", "hello");

        assertThat(console.get("/console/conversations/" + theirs).statusCode()).isEqualTo(404);
        assertThat(console.act("/console/conversations/" + theirs + "/reply", Map.of("content", "hi"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(console.get("/console").body()).doesNotContain("Stranger");
        assertThat(console.get("/console/widget").statusCode()).isEqualTo(403);
        assertThat(console.act("/console/widget", Map.of("color", "#000000")).statusCode())
                .isEqualTo(403);
    }

    @Test
    void anAdminChangesTheWidgetAndItsTriggers() throws Exception {
        ConsoleHttp console = new ConsoleHttp(port);
        console.signIn(agent(api, "Admin", "admin"), PASSWORD);

        HttpResponse<String> saved = console.act(
                "/console/widget",
                Map.of(
                        "color", "#112233",
                        "button_text", "Savol bormi?",
                        "welcome_message", "Salom!",
                        "show_powered_by", "on",
                        "domains", "shop.example, *.shop.example"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElse("")).doesNotContain("error");
        console.act(
                "/console/triggers",
                Map.of("name", "Welcome", "condition", "page_load", "delay_seconds", "2", "message", "Need help?"));
        HttpResponse<String> bad = console.act("/console/widget", Map.of("color", "red"));

        assertThat(bad.headers().firstValue("Location").orElse("")).contains("error=color");
        Api.Response config = api.get("/v1/widget/config");
        assertThat(config.json().path("color").asString()).isEqualTo("#112233");
        assertThat(config.json().path("button_text").asString()).isEqualTo("Savol bormi?");
        assertThat(config.json().path("domains").toString()).isEqualTo("[\"shop.example\",\"*.shop.example\"]");
        assertThat(api.get("/v1/automation/triggers")
                        .json()
                        .path("data")
                        .get(0)
                        .path("message")
                        .asString())
                .isEqualTo("Need help?");
        assertThat(console.get("/console/widget").body()).contains("Need help?").contains("Savol bormi?");
    }
}
