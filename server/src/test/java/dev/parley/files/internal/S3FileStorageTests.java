package dev.parley.files.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.support.FakeS3Server;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The SigV4 signer against AWS's documented example, and the S3 store against a fake S3 that checks signatures. */
class S3FileStorageTests {

    final FakeS3Server s3 = FakeS3Server.start();

    @AfterEach
    void stop() {
        s3.close();
    }

    @Test
    void signsAwssDocumentedGetObjectExampleToItsPublishedSignature() {
        // AWS's Signature Version 4 example for S3: GET /test.txt with a Range header, 24 May 2013, us-east-1.
        SigV4 signer = new SigV4("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "us-east-1");

        Map<String, String> headers = signer.sign(
                "GET",
                "/test.txt",
                "",
                Map.of("Host", "examplebucket.s3.amazonaws.com", "Range", "bytes=0-9"),
                SigV4.EMPTY_PAYLOAD,
                Instant.parse("2013-05-24T00:00:00Z"));

        assertThat(headers.get("Authorization"))
                .isEqualTo("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
                        + " SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
                        + " Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
        assertThat(headers.get("x-amz-date")).isEqualTo("20130524T000000Z");
        assertThat(headers.get("x-amz-content-sha256"))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void theFakeS3AcceptsAwssDocumentedSignatureAndRefusesAnyOther() {
        String documented = "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
                + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
                + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41";

        assertThat(FakeS3Server.checkDocumentedExample(documented)).isNull();
        assertThat(FakeS3Server.checkDocumentedExample(documented.replace("Signature=f0", "Signature=f1")))
                .isEqualTo("SignatureDoesNotMatch");
        assertThat(FakeS3Server.checkDocumentedExample(documented.replace("us-east-1", "eu-west-1")))
                .isEqualTo("AuthorizationHeaderMalformed");
        assertThat(FakeS3Server.checkDocumentedExample(documented.replace("host;range;", "host;")))
                .isEqualTo("SignatureDoesNotMatch");
    }

    @Test
    void putsReadsChecksAndDeletesObjectsWhoseSignaturesTheStoreVerifies() throws Exception {
        S3FileStorage storage = storage(FakeS3Server.SECRET_KEY, Clock.systemUTC());
        byte[] bytes = "a screenshot, in bytes \u00e9".getBytes(StandardCharsets.UTF_8);

        storage.put("files/ws_1/file_a", new ByteArrayInputStream(bytes));

        assertThat(s3.object("files/ws_1/file_a")).isEqualTo(bytes);
        assertThat(storage.exists("files/ws_1/file_a")).isTrue();
        try (InputStream in = storage.open("files/ws_1/file_a")) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        storage.put("files/ws_1/file_a", new ByteArrayInputStream(new byte[0]));
        try (InputStream in = storage.open("files/ws_1/file_a")) {
            assertThat(in.readAllBytes()).isEmpty();
        }
        assertThat(storage.delete("files/ws_1/file_a")).isTrue();
        assertThat(storage.delete("files/ws_1/file_a")).isFalse();
        assertThat(storage.exists("files/ws_1/file_a")).isFalse();
        assertThatThrownBy(() -> storage.open("files/ws_1/file_a")).isInstanceOf(FileNotFoundException.class);
        assertThat(s3.keys()).isEmpty();
        assertThat(s3.refusals()).isEmpty();
    }

    @Test
    void reportsTheStoresRefusalOfAWrongSecretOrASkewedClock() {
        S3FileStorage wrongSecret = storage("not-the-secret", Clock.systemUTC());
        S3FileStorage skewed = storage(
                FakeS3Server.SECRET_KEY, Clock.offset(Clock.systemUTC().withZone(ZoneOffset.UTC), Duration.ofHours(1)));

        assertThatThrownBy(() -> wrongSecret.put("files/ws_1/file_b", new ByteArrayInputStream(new byte[] {1})))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("403")
                .hasMessageContaining("SignatureDoesNotMatch");
        assertThatThrownBy(() -> wrongSecret.open("files/ws_1/file_b"))
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(FileNotFoundException.class)
                .hasMessageContaining("SignatureDoesNotMatch");
        assertThatThrownBy(() -> skewed.put("files/ws_1/file_b", new ByteArrayInputStream(new byte[] {1})))
                .hasMessageContaining("RequestTimeTooSkewed");
        assertThat(s3.keys()).isEmpty();
    }

    @Test
    void theFakeS3RefusesABodyThatIsNotTheOneSignedAndAnUnsignedRequest() throws Exception {
        S3FileStorage storage = storage(FakeS3Server.SECRET_KEY, Clock.systemUTC());
        storage.put("files/ws_1/file_c", new ByteArrayInputStream(new byte[] {1, 2, 3}));
        SigV4 signer = new SigV4(FakeS3Server.ACCESS_KEY, FakeS3Server.SECRET_KEY, FakeS3Server.REGION);
        URI uri = URI.create(s3.endpoint() + "/" + FakeS3Server.BUCKET + "/files/ws_1/file_c");
        Map<String, String> signedForOtherBytes = signer.sign(
                "PUT", uri.getRawPath(), "", Map.of("host", uri.getAuthority()), SigV4.EMPTY_PAYLOAD, Instant.now());
        HttpRequest.Builder swapped = HttpRequest.newBuilder(uri).PUT(HttpRequest.BodyPublishers.ofString("forged"));
        signedForOtherBytes.forEach(swapped::header);

        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> forged = http.send(swapped.build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> unsigned =
                    http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(forged.statusCode()).isEqualTo(400);
            assertThat(forged.body()).contains("<Code>XAmzContentSHA256Mismatch</Code>");
            assertThat(unsigned.statusCode()).isEqualTo(403);
            assertThat(unsigned.body()).contains("<Code>AccessDenied</Code>");
        }
        assertThat(s3.object("files/ws_1/file_c")).containsExactly(1, 2, 3);
    }

    @Test
    void refusesKeysThatAreNotParleys() {
        S3FileStorage storage = storage(FakeS3Server.SECRET_KEY, Clock.systemUTC());

        assertThatThrownBy(() -> storage.put("../other-bucket/x", new ByteArrayInputStream(new byte[] {1})))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.exists("files/ws 1/x")).isInstanceOf(IllegalArgumentException.class);
    }

    private S3FileStorage storage(String secret, Clock clock) {
        return new S3FileStorage(
                new FilesProperties.S3(
                        s3.endpoint(),
                        FakeS3Server.REGION,
                        FakeS3Server.BUCKET,
                        FakeS3Server.ACCESS_KEY,
                        secret,
                        true,
                        Duration.ofSeconds(10)),
                clock);
    }
}
