package dev.parley.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.support.TestClock;
import dev.parley.tenancy.internal.TenancyFixtures;
import dev.parley.tenancy.internal.TenancyFixtures.TestWorkspace;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console over plain HTTP: the session cookie, CSRF on every form, expiry, the inbox and the conversation
 * actions through the conversation module's public desk, escaping, and workspace isolation.
 */
@ApiTest
@Tag("database")
@ExtendWith(OutputCaptureExtension.class)
class ConsoleTests {

    static final String PASSWORD = "correct horse battery";

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
    void refusesASignInWithoutTheFormsCsrfTokenAndSendsTheBrowserProtections() throws Exception {
        ConsoleHttp console = new ConsoleHttp(port);
        String email = agent(api, "Gulnora", "agent");

        HttpResponse<String> page = console.get("/console/login");
        HttpResponse<String> forged = console.post("/console/login", Map.of("email", email, "password", PASSWORD));

        assertThat(page.body()).contains("name=\"_csrf\"");
        assertThat(page.headers().allValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith("parley_login=").contains("HttpOnly", "SameSite=Strict"));
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("script-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("parley_console="));
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
    void theEventStreamEndsAtSignOutAndHearsNothingMore(CapturedOutput output) throws Exception {
        // given
        ConsoleHttp console = new ConsoleHttp(port);
        console.signIn(agent(api, "Madina", "agent"), PASSWORD);
        try (ConsoleHttp.EventStream stream = console.events()) {
            String before = conversation(api, "Before", "Hello");
            stream.next(data -> data.contains(before));

            // when
            HttpResponse<String> signedOut = console.act("/console/logout", Map.of());
            String after = conversation(api, "After", "Secret text after sign-out");

            // then
            assertThat(signedOut.statusCode()).isEqualTo(302);
            assertThat(stream.untilEnd()).noneMatch(data -> data.contains(after));
        }
        try (ConsoleHttp.EventStream again = console.events()) {
            assertThat(again.status())
                    .as("the ended session's cookie opens no new stream")
                    .isEqualTo(401);
        }
        assertThat(output).doesNotContain("sendRedirect");
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
    void anAgentWhoRepliesToAnUnheldConversationIsShownTakingItBeforeTheReply() throws Exception {
        // given: the reply takes the conversation and is written in one transaction, at one instant
        ConsoleHttp console = new ConsoleHttp(port);
        console.signIn(agent(api, "Dilnoza", "agent"), PASSWORD);
        String id = conversation(api, "Aziza", "Where is my parcel?");

        // when
        console.act("/console/conversations/" + id + "/reply", Map.of("content", "Dilnoza here, let me look."));

        // then
        String transcript =
                console.get("/console/conversations/" + id + "/transcript").body();
        assertThat(transcript).contains("Assigned to Dilnoza").contains("Dilnoza here, let me look.");
        assertThat(transcript.indexOf("Assigned to Dilnoza"))
                .as("the assignment line comes before the reply it made possible")
                .isLessThan(transcript.indexOf("Dilnoza here, let me look."));
        assertThat(transcript.indexOf("Where is my parcel?")).isLessThan(transcript.indexOf("Assigned to Dilnoza"));
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
        TestWorkspace otherStore = fixtures.workspace();
        Api other = Api.at(port).withKey(otherStore.liveKey());
        String theirs = conversation(other, "Stranger", "hello");

        assertThat(console.get("/console/conversations/" + theirs).statusCode()).isEqualTo(404);
        assertThat(console.act("/console/conversations/" + theirs + "/reply", Map.of("content", "hi"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(console.get("/console").body()).doesNotContain("Stranger");
        assertThat(new ConsoleHttp(port).get("/console/events").statusCode())
                .as("an event stream is refused before it starts, not redirected")
                .isEqualTo(401);
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

    @Test
    void theAdminPagesNeitherShowNorTouchAnotherWorkspacesArticlesKeysOrWebhooks() throws Exception {
        ConsoleHttp console = new ConsoleHttp(port);
        console.signIn(agent(api, "Admin", "admin"), PASSWORD);
        Api other = Api.at(port).withKey(fixtures.workspace().liveKey());
        String article = other.post("/v1/knowledge-base", Map.of("title", "Their secret recipe", "content", "Salt."))
                .json()
                .path("article_id")
                .asString();
        Api.Response key = other.post("/v1/api-keys", Map.of("name", "theirs"));
        String webhook = other.post(
                        "/v1/webhooks", Map.of("url", "http://127.0.0.2:9/hooks", "events", java.util.List.of("*")))
                .json()
                .path("id")
                .asString();

        assertThat(console.get("/console/knowledge").body()).doesNotContain("Their secret recipe");
        assertThat(console.get("/console/knowledge?edit=" + article).statusCode())
                .isEqualTo(404);
        assertThat(console.act("/console/knowledge/" + article + "/delete", Map.of())
                        .statusCode())
                .isEqualTo(404);
        assertThat(console.act(
                                "/console/knowledge",
                                Map.of("article_id", article, "title", "Mine now", "content", "Pepper."))
                        .statusCode())
                .isEqualTo(404);
        assertThat(console.get("/console/api-keys").body()).doesNotContain("theirs");
        assertThat(console.act("/console/api-keys/" + key.json().path("id").asString() + "/revoke", Map.of())
                        .statusCode())
                .isEqualTo(404);
        assertThat(console.get("/console/webhooks/" + webhook).statusCode()).isEqualTo(404);
        assertThat(console.act("/console/webhooks/" + webhook + "/test", Map.of())
                        .statusCode())
                .isEqualTo(404);
        assertThat(console.act("/console/webhooks/" + webhook + "/delete", Map.of())
                        .statusCode())
                .isEqualTo(404);

        assertThat(other.get("/v1/knowledge-base/" + article)
                        .json()
                        .path("title")
                        .asString())
                .isEqualTo("Their secret recipe");
        assertThat(Api.at(port)
                        .withKey(key.json().path("key").asString())
                        .get("/v1/conversations")
                        .status())
                .isEqualTo(200);
        assertThat(other.get("/v1/webhooks/" + webhook).status()).isEqualTo(200);
    }

    @Test
    void agentsReadKnowledgeAndAnalyticsButGetNoSettingsKeysOrWebhooks() throws Exception {
        ConsoleHttp console = new ConsoleHttp(port);
        console.signIn(agent(api, "Agent", "agent"), PASSWORD);

        assertThat(console.get("/console/knowledge").statusCode()).isEqualTo(200);
        assertThat(console.get("/console/knowledge").body()).doesNotContain("Save article");
        assertThat(console.get("/console/analytics").statusCode()).isEqualTo(200);
        for (String page : java.util.List.of("/console/settings", "/console/api-keys", "/console/webhooks")) {
            assertThat(console.get(page).statusCode()).as(page).isEqualTo(403);
        }
        assertThat(console.act("/console/knowledge", Map.of("title", "Agent's", "content", "No."))
                        .statusCode())
                .isEqualTo(403);
        assertThat(console.act("/console/api-keys", Map.of("name", "mine")).statusCode())
                .isEqualTo(403);
        assertThat(console.act("/console/settings", Map.of("return_window_days", "1"))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void aBadSettingIsRefusedWithItsFieldNamedAndNothingChanges() throws Exception {
        ConsoleHttp console = new ConsoleHttp(port);
        console.signIn(agent(api, "Admin", "admin"), PASSWORD);
        Map<String, String> form = new java.util.HashMap<>(Map.of(
                "auto_refund_limit", "abc",
                "return_window_days", "30",
                "escalation_confidence_threshold", "0.6",
                "timezone", "UTC",
                "start", "09:00",
                "end", "18:00",
                "days", "mon",
                "tone", "formal",
                "name_usage", "first_name",
                "assignment_strategy", "manual"));

        HttpResponse<String> refused = console.act("/console/settings", form);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("role=\"alert\"").contains("settings.auto_refund_limit");
        form.put("timezone", "Mars/Olympus");
        form.put("auto_refund_limit", "25.50");
        assertThat(console.act("/console/settings", form).body()).contains("settings.working_hours.timezone");
        assertThat(api.get("/v1/stores/" + workspace.id())
                        .json()
                        .path("settings")
                        .path("assignment_strategy")
                        .asString())
                .isEqualTo("round_robin");

        form.put("timezone", "Asia/Tashkent");
        HttpResponse<String> saved = console.act("/console/settings", form);
        assertThat(saved.statusCode()).isEqualTo(302);
        var settings = api.get("/v1/stores/" + workspace.id()).json().path("settings");
        assertThat(settings.path("assignment_strategy").asString()).isEqualTo("manual");
        assertThat(settings.path("auto_refund_limit").asDouble()).isEqualTo(25.5);
        assertThat(settings.path("working_hours").path("timezone").asString()).isEqualTo("Asia/Tashkent");
        assertThat(settings.path("working_hours").path("days").toString()).isEqualTo("[\"mon\"]");
    }

    @Test
    void anAdminSeesAndChangesTheDiscountPolicy() throws Exception {
        ConsoleHttp console = new ConsoleHttp(port);
        console.signIn(agent(api, "Admin", "admin"), PASSWORD);
        String page = console.get("/console/settings").body();
        assertThat(page)
                .contains("name=\"discount_policy\"")
                .contains("<option value=\"never\">never</option>")
                .contains("<option value=\"service_recovery\" selected=\"selected\">service_recovery</option>");
        Map<String, String> form = new java.util.HashMap<>(Map.of(
                "auto_refund_limit", "50.00",
                "return_window_days", "30",
                "escalation_confidence_threshold", "0.6",
                "timezone", "UTC",
                "start", "09:00",
                "end", "18:00",
                "days", "mon",
                "tone", "formal",
                "name_usage", "first_name",
                "assignment_strategy", "round_robin"));

        form.put("discount_policy", "always");
        HttpResponse<String> refused = console.act("/console/settings", form);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("role=\"alert\"").contains("settings.discount_policy");

        form.put("discount_policy", "never");
        assertThat(console.act("/console/settings", form).statusCode()).isEqualTo(302);
        assertThat(api.get("/v1/stores/" + workspace.id())
                        .json()
                        .at("/settings/discount_policy")
                        .asString())
                .isEqualTo("never");
        assertThat(console.get("/console/settings").body())
                .contains("<option value=\"never\" selected=\"selected\">never</option>");
    }

    @Test
    void anAdminConnectsTheStoreGorgiasAndAModelAndIsToldWhatIsMissing() throws Exception {
        ConsoleHttp console = new ConsoleHttp(port);
        console.signIn(agent(api, "Admin", "admin"), PASSWORD);

        HttpResponse<String> missing = console.act(
                "/console/integrations/store",
                Map.of("platform", "woocommerce", "base_url", "http://127.0.0.2:9", "consumer_key", "ck_1"));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("role=\"alert\"").contains("credentials.consumer_secret");

        HttpResponse<String> store = console.act(
                "/console/integrations/store",
                Map.of(
                        "platform", "woocommerce",
                        "shop_domain", "shop-" + UUID.randomUUID() + ".example",
                        "base_url", "http://127.0.0.2:9",
                        "consumer_key", "ck_1",
                        "consumer_secret", "cs_secret_value"));
        assertThat(store.statusCode()).as(store.body()).isEqualTo(302);
        HttpResponse<String> helpdesk = console.act(
                "/console/integrations/helpdesk",
                Map.of(
                        "base_url", "http://127.0.0.2:9",
                        "username", "ops@shop.example",
                        "api_key", "gorgias_key_value",
                        "webhook_secret", "whsec_value"));
        assertThat(helpdesk.statusCode()).as(helpdesk.body()).isEqualTo(302);

        String page = console.get("/console/integrations").body();
        assertThat(page).contains("Connected: woocommerce").contains("Connected: http://127.0.0.2:9");
        assertThat(page).doesNotContain("cs_secret_value").doesNotContain("gorgias_key_value");
        assertThat(api.get("/v1/store/connection").json().path("platform").asString())
                .isEqualTo("woocommerce");
        assertThat(api.get("/v1/helpdesk/connection").json().path("connected").asBoolean())
                .isTrue();
        assertThat(Api.at(port)
                        .withKey(fixtures.workspace().liveKey())
                        .get("/v1/helpdesk/connection")
                        .json()
                        .path("connected")
                        .asBoolean())
                .isFalse();

        HttpResponse<String> badModel = console.act(
                "/console/integrations/model", Map.of("provider", "openai_compatible", "temperature", "hot"));
        assertThat(badModel.statusCode()).isEqualTo(400);
        assertThat(badModel.body()).contains("temperature");
        HttpResponse<String> chosen = console.act(
                "/console/integrations/model",
                Map.of(
                        "provider", "openai_compatible",
                        "base_url", "http://127.0.0.2:9/v1",
                        "model", "llama-3-8b",
                        "api_key", "model_key_value"));
        assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(302);
        String withModel = console.get("/console/integrations").body();
        assertThat(withModel).contains("Using openai_compatible · llama-3-8b · API key stored");
        assertThat(withModel).doesNotContain("model_key_value");
        assertThat(api.get("/v1/assistant/model").json().path("model").asString())
                .isEqualTo("llama-3-8b");
        assertThat(console.act("/console/integrations/model", Map.of("provider", "none"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(api.get("/v1/assistant/model").json().path("provider").asString())
                .isEqualTo("none");

        assertThat(console.act("/console/integrations/helpdesk/disconnect", Map.of())
                        .statusCode())
                .isEqualTo(302);
        assertThat(api.get("/v1/helpdesk/connection").json().path("connected").asBoolean())
                .isFalse();
    }
}
