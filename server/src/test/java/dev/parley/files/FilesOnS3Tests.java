package dev.parley.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.FakeS3Server;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

/** Every upload test again, with the bytes in an S3-compatible bucket (the fake S3, which checks each signature). */
@ContextConfiguration(initializers = FakeS3Server.Initializer.class)
class FilesOnS3Tests extends FilesApiTests {

    @Test
    void keepsTheBytesInTheBucketAndServesThemFromThere() throws Exception {
        byte[] png = png();
        JsonNode url = uploadUrl("bucket.png", "image/png", png.length);
        String fileId = url.path("file_id").asString();

        assertThat(put(url.path("upload_url").asString(), png).statusCode()).isEqualTo(200);
        String download = api.post("/v1/files/confirm", Map.of("file_id", fileId, "chat_id", conversation(api)))
                .json()
                .path("url")
                .asString();

        assertThat(FakeS3Server.shared().object("files/" + workspace.id() + "/" + fileId))
                .isEqualTo(png);
        assertThat(get(download).statusCode()).isEqualTo(200);
        assertThat(FakeS3Server.shared().refusals()).isEmpty();
    }
}
