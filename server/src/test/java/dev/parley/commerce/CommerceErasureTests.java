package dev.parley.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.tenancy.internal.TenancyFixtures;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A GDPR erasure reaches commerce: the customer's cached orders and discount record go, in that workspace only. */
@ApiTest
@Tag("database")
class CommerceErasureTests {

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void erasingACustomerErasesTheirCachedOrdersInThatWorkspaceOnly() {
        TenancyFixtures.TestWorkspace workspace = fixtures.workspace();
        Api api = demoStore(workspace);
        Api other = demoStore(fixtures.workspace());
        long janes = api.get("/v1/orders?customer_email=jane@example.com")
                .json()
                .at("/pagination/total_count")
                .asLong();
        assertThat(janes).isPositive();
        assertThat(other.get("/v1/orders?customer_email=jane@example.com")
                        .json()
                        .at("/pagination/total_count")
                        .asLong())
                .isPositive();
        api.post("/v1/conversations", Map.of("customer_email", "jane@example.com", "initial_message", "Hello"));
        Map<String, Object> janesCode = Map.of(
                "tool", "apply_discount",
                "parameters", Map.of("order_number", "1008", "percent", 10),
                "facts",
                        Map.of(
                                "email_given", "jane@example.com",
                                "customer_sentiment", "negative",
                                "reported_problem", "wrong_item"));
        assertThat(api.post("/v1/test/tool-execution", janesCode)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("executed");

        Api.Response erased = api.send("DELETE", "/v1/gdpr/delete", Map.of("email", "Jane@Example.com"));

        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(erased.json().at("/erased/commerce.orders").asLong()).isEqualTo(janes);
        // the record of her discount code goes too (it is kept under a hash of her email, never the address)
        assertThat(erased.json().at("/erased/commerce.discount_codes").asLong()).isEqualTo(1);
        Api.Response listed = api.get("/v1/orders?customer_email=jane@example.com");
        assertThat(listed.json().at("/pagination/total_count").asLong()).isZero();
        assertThat(api.get("/v1/orders?per_page=100").text()).doesNotContain("jane@example.com", "Jane Doe");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM commerce_orders WHERE workspace_id = ? AND data LIKE ?")
                        .params(workspace.id(), "%jane@example.com%")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(api.get("/v1/orders?customer_email=alex@example.com")
                        .json()
                        .at("/pagination/total_count")
                        .asLong())
                .as("other customers' orders stay")
                .isPositive();
        assertThat(other.get("/v1/orders?customer_email=jane@example.com")
                        .json()
                        .at("/pagination/total_count")
                        .asLong())
                .as("another workspace's customer of the same email is not touched")
                .isEqualTo(janes);
    }

    private Api demoStore(TenancyFixtures.TestWorkspace workspace) {
        Api api = Api.at(port).withKey(workspace.liveKey());
        Api.Response put = api.send("PUT", "/v1/store/connection", Map.of("platform", "demo"));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        return api;
    }
}
