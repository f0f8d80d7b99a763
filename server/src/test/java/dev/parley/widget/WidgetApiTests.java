package dev.parley.widget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.platform.Caller;
import dev.parley.platform.Mode;
import dev.parley.platform.Scope;
import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.tenancy.internal.TenancyFixtures;
import dev.parley.tenancy.internal.TenancyFixtures.TestWorkspace;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Seed 003's widget configuration and automation triggers, the widget's own read, and what its key may do. */
@ApiTest
@Tag("database")
class WidgetApiTests {

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    TestWorkspace workspace;
    Api api;

    @BeforeEach
    void setUp() {
        workspace = fixtures.workspace("enterprise", "shop.example", "*.shop.example");
        api = Api.at(port).withKey(workspace.liveKey());
    }

    Map<String, Object> trigger(String name, String condition, int delay, String message, String pattern) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("condition", condition);
        body.put("delay_seconds", delay);
        body.put("message", message);
        body.put("url_pattern", pattern);
        return body;
    }

    @Test
    void aNewStoreHasTheDefaultConfigurationWithItsOwnDomains() {
        Api.Response config = api.get("/v1/widget/config");

        assertThat(config.status()).as(config.toString()).isEqualTo(200);
        JsonNode json = config.json();
        assertThat(json.path("color").asString()).isEqualTo("#4F46E5");
        assertThat(json.path("position").asString()).isEqualTo("bottom-right");
        assertThat(json.path("branding").path("show_powered_by").asBoolean()).isTrue();
        assertThat(json.path("behavior").path("auto_open").asBoolean()).isFalse();
        assertThat(json.path("domains").toString()).isEqualTo("[\"shop.example\",\"*.shop.example\"]");
    }

    @Test
    void changesOnlyTheFieldsSentAndTheDomainsAreTheStoresOwn() {
        // when
        Api.Response changed = api.patch(
                "/v1/widget/config",
                Map.of(
                        "color", "#6366f1",
                        "greeting", "Xush kelibsiz!",
                        "branding", Map.of("logo_url", "https://cdn.shop.example/logo.png"),
                        "behavior", Map.of("show_on_pages", List.of("/support", "/help/*")),
                        "domains", List.of("new.example", "*.new.example")));

        // then
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("color").asString()).isEqualTo("#6366F1");
        assertThat(changed.json().path("welcome_message").asString()).isEqualTo("Xush kelibsiz!");
        assertThat(changed.json().path("shape").asString()).isEqualTo("rounded");
        assertThat(changed.json().path("branding").path("show_powered_by").asBoolean())
                .isTrue();
        assertThat(changed.json().path("branding").path("logo_url").asString())
                .isEqualTo("https://cdn.shop.example/logo.png");
        assertThat(changed.json().path("behavior").path("show_on_pages").size()).isEqualTo(2);
        Api.Response again = api.get("/v1/widget/config");
        assertThat(again.json().path("welcome_message").asString()).isEqualTo("Xush kelibsiz!");
        Api.Response storeView = api.get("/v1/stores/" + workspace.id());
        assertThat(storeView.json().path("domains").toString()).isEqualTo("[\"new.example\",\"*.new.example\"]");
    }

    @Test
    void refusesInvalidConfigurationWithTheFieldNamed() {
        Map<String, Object> cases = new LinkedHashMap<>();
        cases.put("color", Map.of("color", "blue"));
        cases.put("branding.logo_url", Map.of("branding", Map.of("logo_url", "javascript:alert(1)")));
        cases.put("button_text", Map.of("button_text", "x".repeat(61)));
        cases.put("position", Map.of("position", "top-middle"));
        cases.put("border_radius", Map.of("border_radius", 99));
        cases.put("domains", Map.of("domains", List.of("not a domain")));
        cases.put("behavior.show_on_pages", Map.of("behavior", Map.of("show_on_pages", List.of("support"))));
        cases.put("colour", Map.of("colour", "#000000"));
        cases.forEach((field, body) -> {
            Api.Response refused = api.patch("/v1/widget/config", body);
            assertThat(refused.status()).as(field + " " + refused).isEqualTo(400);
            assertThat(refused.json()
                            .path("error")
                            .path("details")
                            .path("field")
                            .asString())
                    .as(field)
                    .isEqualTo(field);
        });
        assertThat(api.patch("/v1/widget/config", "[1]").status()).isEqualTo(400);
        assertThat(api.get("/v1/widget/config").json().path("color").asString()).isEqualTo("#4F46E5");
    }

    @Test
    void aTestKeyOrAReadOnlyKeyCannotChangeTheWidget() {
        String testKey = fixtures.key(workspace.id(), Mode.TEST);
        String readOnly = fixtures.key(workspace.id(), Mode.LIVE, Scope.SETTINGS_READ);

        assertThat(Api.at(port)
                        .withKey(testKey)
                        .patch("/v1/widget/config", Map.of("color", "#000000"))
                        .status())
                .isEqualTo(403);
        assertThat(Api.at(port)
                        .withKey(readOnly)
                        .patch("/v1/widget/config", Map.of("color", "#000000"))
                        .errorCode())
                .isEqualTo("insufficient_permissions");
        assertThat(Api.at(port)
                        .withKey(readOnly)
                        .post("/v1/automation/triggers", trigger("t", "page_load", 0, "Hi", "*"))
                        .status())
                .isEqualTo(403);
        assertThat(Api.at(port).withKey(readOnly).get("/v1/widget/config").status())
                .isEqualTo(200);
    }

    @Test
    void managesTriggers() {
        // when
        Api.Response created = api.post(
                "/v1/automation/triggers", trigger("Exit Intent", "exit_intent", 0, "Ketayapsizmi?", "/pricing"));

        // then
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(id).startsWith("trigger_");
        assertThat(created.json().path("active").asBoolean()).isTrue();
        assertThat(created.json().path("created_at").asString()).isNotEmpty();

        Api.Response changed = api.patch("/v1/automation/triggers/" + id, Map.of("active", false, "delay_seconds", 5));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("active").asBoolean()).isFalse();
        assertThat(changed.json().path("delay_seconds").asInt()).isEqualTo(5);
        assertThat(changed.json().path("message").asString()).isEqualTo("Ketayapsizmi?");

        Api.Response list = api.get("/v1/automation/triggers");
        assertThat(list.json().path("data").size()).isEqualTo(1);
        assertThat(list.json().path("pagination").path("total_count").asInt()).isEqualTo(1);
        assertThat(api.get("/v1/automation/triggers/" + id).json().path("name").asString())
                .isEqualTo("Exit Intent");

        assertThat(api.delete("/v1/automation/triggers/" + id).status()).isEqualTo(204);
        assertThat(api.get("/v1/automation/triggers/" + id).status()).isEqualTo(404);
        assertThat(api.delete("/v1/automation/triggers/" + id).status()).isEqualTo(404);
    }

    @Test
    void refusesInvalidTriggers() {
        Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
        cases.put("condition", trigger("t", "on_scroll", 0, "Hi", "*"));
        cases.put("delay_seconds", trigger("t", "delay", -1, "Hi", "*"));
        cases.put("message", trigger("t", "delay", 1, " ", "*"));
        cases.put("url_pattern", trigger("t", "delay", 1, "Hi", "javascript:alert(1)"));
        cases.put("name", trigger("x".repeat(201), "delay", 1, "Hi", "*"));
        cases.forEach((field, body) -> {
            Api.Response refused = api.post("/v1/automation/triggers", body);
            assertThat(refused.status()).as(field + " " + refused).isBetween(400, 422);
            assertThat(refused.json()
                            .path("error")
                            .path("details")
                            .path("field")
                            .asString())
                    .as(field)
                    .isEqualTo(field);
        });
        Map<String, Object> unknown = trigger("t", "delay", 1, "Hi", "*");
        unknown.put("when", "now");
        assertThat(api.post("/v1/automation/triggers", unknown).status()).isEqualTo(400);
        assertThat(api.get("/v1/automation/triggers").json().path("data").size())
                .isZero();
    }

    @Test
    void anotherStoresTriggerIsNotFound() {
        String id = api.post("/v1/automation/triggers", trigger("Mine", "page_load", 3, "Hello", "*"))
                .json()
                .path("id")
                .asString();
        Api other = Api.at(port).withKey(fixtures.workspace().liveKey());

        assertThat(other.get("/v1/automation/triggers/" + id).status()).isEqualTo(404);
        assertThat(other.patch("/v1/automation/triggers/" + id, Map.of("active", false))
                        .status())
                .isEqualTo(404);
        assertThat(other.delete("/v1/automation/triggers/" + id).status()).isEqualTo(404);
        assertThat(other.get("/v1/automation/triggers").json().path("data").size())
                .isZero();
        assertThat(api.get("/v1/automation/triggers/" + id)
                        .json()
                        .path("active")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void theWidgetReadsItsPublicConfigurationFromAnAllowedOriginOnly() {
        api.post("/v1/automation/triggers", trigger("Welcome", "page_load", 3, "Sizga yordam kerakmi?", "*"));
        String off = api.post("/v1/automation/triggers", trigger("Off", "delay", 3, "Off", "*"))
                .json()
                .path("id")
                .asString();
        api.patch("/v1/automation/triggers/" + off, Map.of("active", false));
        Api widget = Api.at(port).withKey(fixtures.publishableKey(workspace.id()));

        Api.Response allowed =
                widget.withHeader("Origin", "https://www.shop.example").get("/v1/widget/config");
        Api.Response refused =
                widget.withHeader("Origin", "https://evil.example").get("/v1/widget/config");

        assertThat(allowed.status()).as(allowed.toString()).isEqualTo(200);
        assertThat(allowed.json().has("domains")).isFalse();
        assertThat(allowed.json().path("store_name").asString()).isEqualTo("Test store");
        assertThat(allowed.json().path("triggers").size()).isEqualTo(1);
        assertThat(allowed.json().path("triggers").get(0).path("message").asString())
                .isEqualTo("Sizga yordam kerakmi?");
        assertThat(allowed.header("Access-Control-Allow-Origin")).contains("https://www.shop.example");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("domain_not_configured");
        assertThat(widget.patch("/v1/widget/config", Map.of("color", "#000000")).status())
                .isEqualTo(403);
        assertThat(widget.get("/v1/automation/triggers").status()).isEqualTo(403);
    }

    @Test
    void aVisitorSeesWhatTheyWereToldOfAnActionNeverTheStoresPolicyNumbers() {
        assertThat(api.send("PUT", "/v1/store/connection", Map.of("platform", "demo"))
                        .status())
                .isEqualTo(200);
        api.patch(
                "/v1/stores/" + workspace.id(),
                Map.of("settings", Map.of("auto_refund_enabled", true, "auto_refund_limit", 50.00)));
        Api widget = Api.at(port)
                .withKey(fixtures.publishableKey(workspace.id()))
                .withHeader("Origin", "https://shop.example");

        Api.Response created = widget.post(
                "/v1/conversations",
                Map.of("channel", "widget", "initial_message", "please refund 5 dollars on order #1002"));
        String id = created.json().path("conversation_id").asString();
        widget = widget.withHeader(
                Caller.VISITOR_TOKEN_HEADER,
                created.json().path("visitor_token").asString());
        List<JsonNode> answers = new java.util.ArrayList<>(List.of(created.json()));
        for (String said : List.of("john@example.com", "yes")) {
            Api.Response sent = widget.post("/v1/conversations/" + id + "/messages", Map.of("content", said));
            assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
            answers.add(sent.json());
        }

        List<JsonNode> actions = answers.stream()
                .flatMap(a -> a.path("actions_taken").valueStream())
                .toList();
        assertThat(actions).as(answers.toString()).anySatisfy(a -> {
            assertThat(a.path("type").asString()).isEqualTo("refund_processed");
            assertThat(a.at("/details/order_number").asString()).isEqualTo("1002");
            assertThat(a.at("/details/amount").decimalValue()).isEqualByComparingTo("5.00");
        });
        Api.Response read = widget.get("/v1/conversations/" + id);
        for (String internal : List.of(
                "auto_refund_limit",
                "refunded_by_assistant",
                "auto_refund_remaining",
                "discount_policy",
                "\"timings\"",
                "\"model\"")) {
            assertThat(answers.toString()).as(internal).doesNotContain(internal);
            assertThat(read.text()).as(internal).doesNotContain(internal);
        }
        assertThat(read.json().path("actions_taken").valueStream())
                .allSatisfy(a -> assertThat(a.path("details").has("reason")).isFalse())
                .filteredOn(a -> a.path("type").asString().equals("refund_processed"))
                .singleElement()
                .satisfies(
                        a -> assertThat(a.at("/details/amount").decimalValue()).isEqualByComparingTo("5.00"));

        // the store's own key sees everything
        Api.Response asStore = api.get("/v1/conversations/" + id);
        assertThat(asStore.text())
                .contains("auto_refund_limit")
                .contains("refunded_by_assistant")
                .contains("\"timings\"");
    }

    @Test
    void thePublishableKeyOpensContinuesReadsAndRatesItsConversationButListsNothing() {
        Api widget = Api.at(port)
                .withKey(fixtures.publishableKey(workspace.id()))
                .withHeader("Origin", "https://shop.example");

        Api.Response created =
                widget.post("/v1/conversations", Map.of("channel", "widget", "initial_message", "Do you ship abroad?"));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        String id = created.json().path("conversation_id").asString();
        widget = widget.withHeader(
                Caller.VISITOR_TOKEN_HEADER,
                created.json().path("visitor_token").asString());
        assertThat(widget.post("/v1/conversations/" + id + "/messages", Map.of("content", "And to Uzbekistan?"))
                        .status())
                .isEqualTo(200);
        api.post("/v1/conversations/" + id + "/notes", Map.of("content", "internal: VIP"));

        Api.Response read = widget.get("/v1/conversations/" + id);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.text()).doesNotContain("internal: VIP");
        assertThat(read.json().path("messages").size()).isEqualTo(4);
        assertThat(api.get("/v1/conversations/" + id).text()).contains("internal: VIP");

        assertThat(widget.post("/v1/conversations/" + id + "/escalate", Map.of("reason", "customer_request"))
                        .status())
                .isEqualTo(200);
        api.post("/v1/conversations/" + id + "/resolve", Map.of());
        Api.Response rated = widget.post("/v1/conversations/" + id + "/feedback", Map.of("rating", 5));
        assertThat(rated.status()).as(rated.toString()).isEqualTo(201);

        assertThat(widget.get("/v1/conversations").status()).isEqualTo(403);
        assertThat(widget.patch("/v1/conversations/" + id, Map.of("priority", "high"))
                        .status())
                .isEqualTo(403);
        assertThat(widget.post("/v1/conversations/" + id + "/replies", Map.of("content", "hi"))
                        .status())
                .isEqualTo(403);
        String others = Api.at(port)
                .withKey(fixtures.workspace().liveKey())
                .post("/v1/conversations", Map.of("initial_message", "hello"))
                .json()
                .path("conversation_id")
                .asString();
        assertThat(widget.get("/v1/conversations/" + others).status()).isEqualTo(404);
    }

    @Test
    void answersCrossOriginPreflightsAndServesTheScriptWithCachingHeaders() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> preflight = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/conversations"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", "https://shop.example")
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "authorization, content-type")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> script = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/widget.js"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .contains("https://shop.example");
        assertThat(preflight
                        .headers()
                        .firstValue("Access-Control-Allow-Headers")
                        .orElse(""))
                .contains("Authorization");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type").orElse("")).contains("javascript");
        assertThat(script.headers().firstValue("Cache-Control").orElse("")).contains("max-age=3600");
        assertThat(script.body()).contains("attachShadow");
    }
}
