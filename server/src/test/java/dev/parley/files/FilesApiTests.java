package dev.parley.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.support.TestClock;
import dev.parley.tenancy.internal.TenancyFixtures;
import dev.parley.tenancy.internal.TenancyFixtures.TestWorkspace;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Seed 003's uploads: signed upload URLs served by Parley, sniffed types, confirmation into a chat, signed downloads. */
@ApiTest
@Tag("database")
class FilesApiTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    final TestClock clock = TestClock.shared();
    TestWorkspace workspace;
    Api api;

    @BeforeEach
    void setUp() {
        workspace = fixtures.workspace();
        api = Api.at(port).withKey(workspace.liveKey());
    }

    @AfterEach
    void resumeClock() {
        clock.resume();
    }

    @Test
    void uploadsAnImageConfirmsItIntoAChatAndServesItOnlyBySignedLink() throws Exception {
        byte[] png = png();
        JsonNode url = uploadUrl("screenshot.png", "image/png", png.length);
        assertThat(url.path("file_id").asString()).startsWith("file_");
        assertThat(url.path("upload_url").asString()).startsWith("http://127.0.0.1:" + port + "/v1/files/uploads/");
        assertThat(url.path("expires_at").asString()).isNotBlank();

        HttpResponse<String> uploaded = put(url.path("upload_url").asString(), png);
        assertThat(uploaded.statusCode()).isEqualTo(200);
        assertThat(uploaded.body()).contains("\"content_type\":\"image/png\"");

        String chat = conversation(api);
        Api.Response confirmed = api.post(
                "/v1/files/confirm", Map.of("file_id", url.path("file_id").asString(), "chat_id", chat));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        JsonNode file = confirmed.json();
        assertThat(file.path("id").asString()).isEqualTo(url.path("file_id").asString());
        assertThat(file.path("filename").asString()).isEqualTo("screenshot.png");
        assertThat(file.path("size_bytes").asLong()).isEqualTo(png.length);
        assertThat(file.path("content_type").asString()).isEqualTo("image/png");

        HttpResponse<byte[]> download = HTTP.send(
                HttpRequest.newBuilder(URI.create(file.path("url").asString())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(png);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment")
                .contains("screenshot.png");

        // A second confirmation into the same chat is the same answer; into another chat it is a conflict.
        assertThat(api.post(
                                "/v1/files/confirm",
                                Map.of("file_id", file.path("id").asString(), "chat_id", chat))
                        .status())
                .isEqualTo(200);
        assertThat(api.post(
                                "/v1/files/confirm",
                                Map.of("file_id", file.path("id").asString(), "chat_id", conversation(api)))
                        .status())
                .isEqualTo(409);
        assertThat(api.get("/v1/files/" + file.path("id").asString())
                        .json()
                        .path("url")
                        .asString())
                .contains("/v1/files/content/");
    }

    @Test
    void refusesBadDeclarations() {
        assertThat(api.post(
                                "/v1/files/upload-url",
                                Map.of("filename", "a.png", "content_type", "image/png", "size_bytes", 10_485_761L))
                        .errorCode())
                .isEqualTo("payload_too_large");
        Api.Response svg = api.post(
                "/v1/files/upload-url",
                Map.of("filename", "a.svg", "content_type", "image/svg+xml", "size_bytes", 100));
        assertThat(svg.status()).isEqualTo(415);
        assertThat(svg.errorCode()).isEqualTo("unsupported_media_type");
        assertThat(api.post(
                                "/v1/files/upload-url",
                                Map.of("filename", "a.html", "content_type", "text/html", "size_bytes", 100))
                        .status())
                .isEqualTo(415);
        assertThat(api.post("/v1/files/upload-url", Map.of("content_type", "image/png", "size_bytes", 100))
                        .errorCode())
                .isEqualTo("missing_field");
        assertThat(api.post("/v1/files/upload-url", Map.of("filename", "a.png", "content_type", "image/png"))
                        .errorCode())
                .isEqualTo("missing_field");
        assertThat(api.post(
                                "/v1/files/upload-url",
                                Map.of("filename", "a.png", "content_type", "image/png", "size_bytes", 0))
                        .status())
                .isEqualTo(400);
        assertThat(api.post(
                                "/v1/files/upload-url",
                                Map.of("filename", "a.png", "content_type", "image/png", "size_bytes", "big"))
                        .status())
                .isEqualTo(400);
        assertThat(Api.at(port)
                        .post("/v1/files/upload-url", Map.of("filename", "a.png"))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void refusesBytesThatAreNotTheDeclaredType() throws Exception {
        JsonNode url = uploadUrl("photo.png", "image/png", 200);
        HttpResponse<String> text = put(url.path("upload_url").asString(), "just some text, not a picture".getBytes());
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(text.body()).contains("unsupported_media_type").contains("text/plain");

        // A PDF declared as text is refused too; real text declared as text is taken.
        JsonNode pdf = uploadUrl("notes.txt", "text/plain", 100);
        assertThat(put(
                                pdf.path("upload_url").asString(),
                                "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n"
                                        .getBytes(StandardCharsets.ISO_8859_1))
                        .statusCode())
                .isEqualTo(415);
        JsonNode notes = uploadUrl("notes.txt", "text/plain", 100);
        assertThat(put(notes.path("upload_url").asString(), "order 1234 arrived damaged".getBytes())
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void refusesAnUploadLargerThanDeclaredAndAnyReuseOfTheUrl() throws Exception {
        byte[] png = png();
        JsonNode small = uploadUrl("a.png", "image/png", 10);
        HttpResponse<String> tooLarge = put(small.path("upload_url").asString(), png);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("payload_too_large");
        assertThat(put(small.path("upload_url").asString(), new byte[5]).statusCode())
                .isEqualTo(409);

        JsonNode url = uploadUrl("b.png", "image/png", png.length);
        assertThat(put(url.path("upload_url").asString(), png).statusCode()).isEqualTo(200);
        HttpResponse<String> reused = put(url.path("upload_url").asString(), png);
        assertThat(reused.statusCode()).isEqualTo(409);
        assertThat(reused.body()).contains("conflict");
    }

    @Test
    void refusesExpiredAndTamperedLinks() throws Exception {
        byte[] png = png();
        clock.freeze();
        JsonNode url = uploadUrl("a.png", "image/png", png.length);
        String link = url.path("upload_url").asString();

        HttpResponse<String> tampered = put(link.replace("signature=", "signature=x"), png);
        assertThat(tampered.statusCode()).isEqualTo(403);
        assertThat(tampered.body()).contains("invalid_link");
        String otherId =
                uploadUrl("b.png", "image/png", png.length).path("file_id").asString();
        assertThat(put(link.replace(url.path("file_id").asString(), otherId), png)
                        .statusCode())
                .isEqualTo(403);
        long expires = Long.parseLong(link.replaceAll(".*expires=(\\d+).*", "$1"));
        assertThat(put(link.replace("expires=" + expires, "expires=" + (expires + 3600)), png)
                        .statusCode())
                .isEqualTo(403);
        assertThat(put(link.substring(0, link.indexOf('?')), png).statusCode()).isEqualTo(403);

        clock.advance(Duration.ofMinutes(16));
        HttpResponse<String> expired = put(link, png);
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.body()).contains("link_expired");
    }

    @Test
    void expiresDownloadLinks() throws Exception {
        byte[] png = png();
        clock.freeze();
        JsonNode url = uploadUrl("a.png", "image/png", png.length);
        put(url.path("upload_url").asString(), png);
        String link = api.post(
                        "/v1/files/confirm",
                        Map.of("file_id", url.path("file_id").asString(), "conversation_id", conversation(api)))
                .json()
                .path("url")
                .asString();
        assertThat(get(link.replace("signature=", "signature=A")).statusCode()).isEqualTo(403);
        assertThat(get(link).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofHours(2));
        HttpResponse<String> expired = get(link);
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.body()).contains("link_expired");
    }

    @Test
    void keepsFilesInsideTheirWorkspace() throws Exception {
        byte[] png = png();
        JsonNode url = uploadUrl("a.png", "image/png", png.length);
        put(url.path("upload_url").asString(), png);
        String fileId = url.path("file_id").asString();
        Api other = Api.at(port).withKey(fixtures.workspace().liveKey());

        assertThat(other.post("/v1/files/confirm", Map.of("file_id", fileId, "chat_id", conversation(other)))
                        .status())
                .isEqualTo(404);
        assertThat(api.post("/v1/files/confirm", Map.of("file_id", fileId, "chat_id", conversation(other)))
                        .status())
                .isEqualTo(404);
        api.post("/v1/files/confirm", Map.of("file_id", fileId, "chat_id", conversation(api)));
        assertThat(other.get("/v1/files/" + fileId).status()).isEqualTo(404);
        assertThat(api.get("/v1/files/file_missing").status()).isEqualTo(404);
        assertThat(api.post("/v1/files/confirm", Map.of("file_id", "file_missing", "chat_id", conversation(api)))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void confirmsOnlyUploadedFiles() {
        JsonNode url = uploadUrl("a.png", "image/png", 100);
        Api.Response early = api.post(
                "/v1/files/confirm", Map.of("file_id", url.path("file_id").asString(), "chat_id", conversation(api)));
        assertThat(early.status()).isEqualTo(409);
        assertThat(api.post(
                                "/v1/files/confirm",
                                Map.of("file_id", url.path("file_id").asString()))
                        .errorCode())
                .isEqualTo("missing_field");
    }

    JsonNode uploadUrl(String filename, String type, long size) {
        Api.Response response = api.post(
                "/v1/files/upload-url", Map.of("filename", filename, "content_type", type, "size_bytes", size));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    static String conversation(Api api) {
        String id = api.post("/v1/conversations", Map.of("initial_message", "hello there"))
                .json()
                .path("conversation_id")
                .asString();
        assertThat(id).startsWith("conv_");
        return id;
    }

    static HttpResponse<String> put(String url, byte[] body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                        .header("Content-Type", "application/octet-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0xff0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
