package dev.parley.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.FakeS3Server;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

/** Every GDPR test again, with files and export archives in an S3-compatible bucket (the fake S3). */
@ContextConfiguration(initializers = FakeS3Server.Initializer.class)
class GdprOnS3Tests extends GdprApiTests {

    @Test
    void keepsTheArchiveInTheBucketUntilTheCustomerIsErased() throws Exception {
        api.post("/v1/conversations", Map.of("customer_email", email, "initial_message", "about " + phrase));
        JsonNode done = finishedExport(Map.of("email", email));
        String archive =
                "exports/" + workspace.id() + "/" + done.path("request_id").asString() + ".zip";
        assertThat(FakeS3Server.shared().keys()).contains(archive);
        assertThat(FakeS3Server.shared().object(archive)).isNotEmpty();

        assertThat(api.send("DELETE", "/v1/gdpr/delete", Map.of("email", email.toUpperCase(Locale.ROOT)))
                        .status())
                .isEqualTo(200);

        assertThat(FakeS3Server.shared().keys()).doesNotContain(archive);
        assertThat(FakeS3Server.shared().refusals()).isEmpty();
    }
}
