package dev.parley.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.tenancy.internal.TenancyFixtures;
import dev.parley.tenancy.internal.TenancyFixtures.TestWorkspace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ApiTest
@Tag("database")
class StoreSettingsTests {

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    @Autowired
    Workspaces workspaces;

    Api api;
    TestWorkspace workspace;

    @BeforeEach
    void setUp() {
        workspace = fixtures.workspace();
        api = Api.at(port).withKey(workspace.liveKey());
    }

    @Test
    void updatesOnlyTheSettingsSentAsSeed001Shows() {
        Api.Response response = api.patch(
                "/v1/stores/" + workspace.id(),
                Map.of("settings", Map.of("auto_refund_limit", 75.00, "escalation_confidence_threshold", 0.7)));

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("updated").asBoolean()).isTrue();
        assertThat(body.at("/settings/auto_refund_limit").decimalValue()).isEqualByComparingTo("75.00");
        assertThat(body.at("/settings/escalation_confidence_threshold").asDouble())
                .isEqualTo(0.7);
        assertThat(body.at("/settings/return_window_days").asInt()).isEqualTo(30);
        StoreSettings stored = workspaces.settings(workspace.id());
        assertThat(stored.autoRefundLimit()).isEqualByComparingTo("75");
        assertThat(stored.escalationConfidenceThreshold()).isEqualTo(0.7);
        assertThat(stored.workingHours().timezone()).isEqualTo("UTC");
    }

    @Test
    void mergesNestedSettingsAndRestoresDefaultsOnNull() {
        api.patch(
                "/v1/stores/" + workspace.id(),
                Map.of(
                        "settings",
                        Map.of(
                                "working_hours", Map.of("timezone", "America/New_York", "start", "08:30"),
                                "notifications", Map.of("escalation_email", "support@acme.com"))));
        Map<String, Object> reset = new LinkedHashMap<>();
        reset.put("start", null);
        api.patch("/v1/stores/" + workspace.id(), Map.of("settings", Map.of("working_hours", reset)));

        StoreSettings stored = workspaces.settings(workspace.id());
        assertThat(stored.workingHours().timezone()).isEqualTo("America/New_York");
        assertThat(stored.workingHours().start()).isEqualTo("09:00");
        assertThat(stored.workingHours().end()).isEqualTo("18:00");
        assertThat(stored.notifications().escalationEmail()).isEqualTo("support@acme.com");
    }

    @Test
    void refusesInvalidSettingsNamingTheFieldAndKeepingTheOldValues() {
        Map<Object, String> cases = new LinkedHashMap<>();
        cases.put(Map.of("auto_refund_limit", -1), "settings.auto_refund_limit");
        cases.put(Map.of("auto_refund_limit", 10.005), "settings.auto_refund_limit");
        cases.put(Map.of("escalation_confidence_threshold", 1.5), "settings.escalation_confidence_threshold");
        cases.put(Map.of("return_window_days", 400), "settings.return_window_days");
        cases.put(Map.of("return_window_days", "thirty"), "settings.return_window_days");
        cases.put(Map.of("working_hours", Map.of("timezone", "Mars/Olympus")), "settings.working_hours.timezone");
        cases.put(Map.of("working_hours", Map.of("start", "9am")), "settings.working_hours.start");
        cases.put(Map.of("working_hours", Map.of("days", List.of("mon", "someday"))), "settings.working_hours.days");
        cases.put(Map.of("brand_voice", Map.of("tone", "sarcastic")), "settings.brand_voice.tone");
        cases.put(
                Map.of("notifications", Map.of("escalation_email", "not-an-email")),
                "settings.notifications.escalation_email");
        cases.put(Map.of("auto_refund_limt", 10), "settings.auto_refund_limt");

        cases.forEach((settings, field) -> {
            Api.Response response = api.patch("/v1/stores/" + workspace.id(), Map.of("settings", settings));

            assertThat(response.status()).as(settings.toString()).isEqualTo(400);
            assertThat(response.errorCode()).isEqualTo("invalid_request");
            assertThat(response.json().at("/error/details/field").asString())
                    .as(settings.toString())
                    .isEqualTo(field);
        });
        assertThat(workspaces.settings(workspace.id())).isEqualTo(StoreSettings.defaults());
    }

    @Test
    void refusesUnknownTopLevelFieldsAndDomainsThatAreNotHostnames() {
        Api.Response unknown = api.patch("/v1/stores/" + workspace.id(), Map.of("nmae", "typo"));
        Api.Response badDomain = api.patch("/v1/stores/" + workspace.id(), Map.of("domains", List.of("not a domain")));

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().at("/error/details/field").asString()).isEqualTo("nmae");
        assertThat(unknown.json().at("/error/details/reason").asString()).isEqualTo("unknown_field");
        assertThat(badDomain.status()).isEqualTo(400);
        assertThat(badDomain.json().at("/error/details/field").asString()).isEqualTo("domains");
    }

    @Test
    void letsOnlyThePlatformAdminChangeThePlan() {
        Api.Response byStore =
                api.patch("/v1/stores/" + workspace.id(), Map.of("plan", "enterprise", "quota_per_hour", 1));
        Api.Response byAdmin = Api.at(port)
                .withKey(TenancyFixtures.ADMIN_KEY)
                .patch("/v1/stores/" + workspace.id(), Map.of("plan", "professional"));

        assertThat(byStore.status()).isEqualTo(403);
        assertThat(byAdmin.status()).isEqualTo(200);
        assertThat(byAdmin.json().at("/store/plan").asString()).isEqualTo("professional");
        assertThat(byAdmin.json().at("/store/hourly_quota").asLong()).isEqualTo(10_000);
    }

    @Test
    void onboardsAStoreWithItsFirstKeyShownOnce() {
        Api admin = Api.at(port).withKey(TenancyFixtures.ADMIN_KEY);

        Api.Response created = admin.post(
                "/v1/stores",
                Map.of(
                        "name", "Acme Store",
                        "domain", "acme.myshopify.com",
                        "platform", "shopify",
                        "plan", "professional",
                        "settings", Map.of("auto_refund_enabled", true)));

        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.json();
        String storeId = body.at("/store/id").asString();
        assertThat(storeId).startsWith("store_");
        assertThat(body.at("/store/domain").asString()).isEqualTo("acme.myshopify.com");
        assertThat(body.at("/store/settings/auto_refund_enabled").asBoolean()).isTrue();
        String key = body.at("/api_key/key").asString();
        assertThat(key).matches("sk_live_[A-Za-z0-9]{32}");
        Api.Response own = Api.at(port).withKey(key).get("/v1/stores/" + storeId);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().path("name").asString()).isEqualTo("Acme Store");
        assertThat(own.json().path("platform").asString()).isEqualTo("shopify");
    }

    @Test
    void refusesOnboardingByAnOrdinaryKeyAndWithoutAName() {
        Api.Response byStore = api.post("/v1/stores", Map.of("name", "Sneaky"));
        Api.Response nameless =
                Api.at(port).withKey(TenancyFixtures.ADMIN_KEY).post("/v1/stores", Map.of("platform", "shopify"));
        Api.Response badPlatform = Api.at(port)
                .withKey(TenancyFixtures.ADMIN_KEY)
                .post("/v1/stores", Map.of("name", "X", "platform", "magento"));

        assertThat(byStore.status()).isEqualTo(403);
        assertThat(byStore.json().at("/error/details/required_permission").asString())
                .isEqualTo("platform:admin");
        assertThat(nameless.status()).isEqualTo(400);
        assertThat(nameless.errorCode()).isEqualTo("missing_field");
        assertThat(nameless.json().at("/error/details/field").asString()).isEqualTo("name");
        assertThat(badPlatform.status()).isEqualTo(400);
        assertThat(badPlatform.json().at("/error/details/field").asString()).isEqualTo("platform");
    }
}
