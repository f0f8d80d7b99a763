package dev.parley.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.platform.Mode;
import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.tenancy.internal.TenancyFixtures;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The workspace a first start creates has the demo help centre, for live and test keys alike, and it is searchable. */
@ApiTest
@Tag("database")
class DemoHelpCentreTests {

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    @Test
    void theDemoWorkspaceHasFiveSearchableHelpArticlesInEachMode() {
        // given the bootstrap workspace, through its admin key and a test key of its own
        Api admin = Api.at(port).withKey(TenancyFixtures.ADMIN_KEY);
        String demoId = admin.get("/v1/stores?per_page=100")
                .json()
                .path("data")
                .valueStream()
                .filter(s -> s.path("platform").asString().equals("demo"))
                .filter(s -> s.path("name").asString().equals("Parley Demo Store"))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asString();
        Api test = Api.at(port).withKey(fixtures.key(demoId, Mode.TEST));

        for (Api api : new Api[] {admin, test}) {
            // when
            JsonNode articles = api.get("/v1/knowledge-base?category=shipping").json();
            JsonNode all = api.get("/v1/knowledge-base?tag=help-centre").json();
            JsonNode found = api.post(
                            "/v1/knowledge-base/search", Map.of("query", "do you deliver to canada?", "top_k", 3))
                    .json();

            // then
            assertThat(all.path("data").valueStream().map(a -> a.path("title").asString()))
                    .containsExactlyInAnyOrder(
                            "Shipping and delivery",
                            "Returns and exchanges",
                            "Refunds",
                            "Store hours and locations",
                            "Payment methods");
            assertThat(articles.at("/data/0/content").asString()).contains("We ship to the US and Canada only");
            assertThat(found.at("/results/0/title").asString()).isEqualTo("Shipping and delivery");
        }
    }
}
