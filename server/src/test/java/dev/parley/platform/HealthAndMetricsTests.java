package dev.parley.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.tenancy.internal.TenancyFixtures;
import dev.parley.tenancy.internal.TenancyFixtures.TestWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ApiTest
class HealthAndMetricsTests {

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
    void reportsHealthPerDependencyInSeed004sShape() {
        Api.Response response = Api.at(port).get("/health");

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("status").asString()).isEqualTo("healthy");
        assertThat(body.path("version").asString()).isNotBlank();
        assertThat(body.at("/checks/api").asString()).isEqualTo("healthy");
        assertThat(body.at("/checks/database").asString()).isEqualTo("healthy");
        // The test context sets up no Redis and no LiveKit: nothing checked them, so neither is "healthy".
        assertThat(body.at("/checks/redis").asString()).isEqualTo("not_configured");
        assertThat(body.at("/checks/livekit").asString()).isEqualTo("not_configured");
    }

    @Test
    void reportsRequestDurationQuantilesPerOperationAsJson() {
        for (int i = 0; i < 3; i++) {
            api.get("/v1/stores/" + workspace.id());
        }

        Api.Response response = api.get("/v1/monitoring/metrics?format=json");

        assertThat(response.status()).isEqualTo(200);
        JsonNode operation = response.json()
                .path("operations")
                .valueStream()
                .filter(o -> o.path("operation").asString().equals("GET /v1/stores/{store_id}"))
                .findFirst()
                .orElseThrow();
        assertThat(operation.path("count").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(operation.path("p50_ms").asDouble()).isPositive();
        assertThat(operation.path("p99_ms").asDouble())
                .isGreaterThanOrEqualTo(operation.path("p50_ms").asDouble());
    }

    @Test
    void reportsTheSameAsPrometheusTextFilteredByOperation() {
        api.get("/v1/stores/" + workspace.id());

        Api.Response response =
                api.get("/api/monitoring/metrics?format=prometheus&operations=GET%20/v1/stores/%7Bstore_id%7D");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(response.text())
                .contains("# TYPE api_request_duration_ms summary")
                .containsPattern(
                        "api_request_duration_ms\\{operation=\"GET /v1/stores/\\{store_id\\}\",quantile=\"0.5\"\\} [0-9.]+")
                .containsPattern(
                        "api_request_duration_ms_count\\{operation=\"GET /v1/stores/\\{store_id\\}\"\\} [0-9]+")
                .doesNotContain("operation=\"GET /health\"");
    }

    @Test
    void refusesAnUnknownFormatAndKeysWithoutTheMonitoringPermission() {
        String narrow = fixtures.key(workspace.id(), Mode.LIVE, Scope.CONVERSATIONS_READ);

        assertThat(api.get("/v1/monitoring/metrics?format=xml").status()).isEqualTo(400);
        assertThat(Api.at(port).withKey(narrow).get("/v1/monitoring/metrics").status())
                .isEqualTo(403);
    }

    @Test
    void servesTheOpenApiDescriptionAndItsUi() {
        Api.Response description = Api.at(port).get("/openapi.json");
        Api.Response ui = Api.at(port).get("/docs");

        assertThat(description.status()).isEqualTo(200);
        assertThat(description.json().path("paths").has("/v1/stores/{store_id}"))
                .isTrue();
        assertThat(description
                        .json()
                        .at("/components/securitySchemes/bearer/scheme")
                        .asString())
                .isEqualTo("bearer");
        assertThat(ui.status()).isIn(200, 302);
    }

    @Test
    void servesTheSeedsOwnPathsAsAliases() {
        Api.Response seed002 = api.get("/api/v1/stores/" + workspace.id());
        Api.Response seed000 = api.get("/api/stores/" + workspace.id());

        assertThat(seed002.status()).isEqualTo(200);
        assertThat(seed000.status()).isEqualTo(200);
        assertThat(seed000.json().path("id").asString()).isEqualTo(workspace.id());
    }
}
