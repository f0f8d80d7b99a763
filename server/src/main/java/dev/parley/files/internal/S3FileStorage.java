package dev.parley.files.internal;

import dev.parley.files.FileStorage;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Files in a bucket of an S3-compatible store (AWS S3, MinIO, R2, ...), by the REST API's PUT, GET, HEAD and DELETE
 * object, each request signed with {@link SigV4}. The store's endpoint is the operator's setting, not a user's URL, so
 * it is reached directly rather than through the guarded fetcher.
 */
final class S3FileStorage implements FileStorage {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_.-]+)*");
    private static final Pattern ERROR_CODE = Pattern.compile("<Code>([^<]{1,100})</Code>");

    private final HttpClient http;
    private final URI endpoint;
    private final String bucket;
    private final boolean pathStyle;
    private final SigV4 signer;
    private final Clock clock;
    private final Duration timeout;

    /** @param clock real time: S3 refuses signatures more than 15 minutes off its own clock */
    S3FileStorage(FilesProperties.S3 settings, Clock clock) {
        this.endpoint = URI.create(settings.endpoint().replaceAll("/+$", ""));
        this.bucket = settings.bucket();
        this.pathStyle = settings.pathStyle();
        this.signer = new SigV4(settings.accessKey(), settings.secretKey(), settings.region());
        this.clock = clock;
        this.timeout = settings.timeout();
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public void put(String key, InputStream content) throws IOException {
        Path spool = Files.createTempFile("parley-s3-", ".part");
        try {
            MessageDigest sha256 = sha256();
            try (InputStream in = new DigestInputStream(content, sha256)) {
                Files.copy(in, spool, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            HttpResponse<String> response = send(
                    "PUT",
                    key,
                    HttpRequest.BodyPublishers.ofFile(spool),
                    HexFormat.of().formatHex(sha256.digest()),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw failure("PUT", key, response.statusCode(), response.body());
            }
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        HttpResponse<InputStream> response = send(
                "GET",
                key,
                HttpRequest.BodyPublishers.noBody(),
                SigV4.EMPTY_PAYLOAD,
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() == 200) {
            return response.body();
        }
        String error;
        try (InputStream body = response.body()) {
            error = new String(body.readNBytes(4096), StandardCharsets.UTF_8);
        }
        if (response.statusCode() == 404 && errorCode(error).equals("NoSuchKey")) {
            throw new FileNotFoundException(key);
        }
        throw failure("GET", key, response.statusCode(), error);
    }

    /** S3 answers 204 whether or not the object was there: a HEAD first tells which. */
    @Override
    public boolean delete(String key) throws IOException {
        if (!exists(key)) {
            return false;
        }
        HttpResponse<String> response = send(
                "DELETE",
                key,
                HttpRequest.BodyPublishers.noBody(),
                SigV4.EMPTY_PAYLOAD,
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 204 && response.statusCode() != 200) {
            throw failure("DELETE", key, response.statusCode(), response.body());
        }
        return true;
    }

    @Override
    public boolean exists(String key) {
        try {
            HttpResponse<Void> response = send(
                    "HEAD",
                    key,
                    HttpRequest.BodyPublishers.noBody(),
                    SigV4.EMPTY_PAYLOAD,
                    HttpResponse.BodyHandlers.discarding());
            return switch (response.statusCode()) {
                case 200 -> true;
                case 404 -> false;
                default -> throw failure("HEAD", key, response.statusCode(), "");
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> HttpResponse<T> send(
            String method,
            String key,
            HttpRequest.BodyPublisher body,
            String payloadSha256,
            HttpResponse.BodyHandler<T> handler)
            throws IOException {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Not a storage key: " + key);
        }
        String encodedKey =
                Arrays.stream(key.split("/")).map(SigV4::encodeSegment).collect(Collectors.joining("/"));
        String base = endpoint.getPath() == null ? "" : endpoint.getPath();
        String host = endpoint.getHost();
        String path;
        if (pathStyle) {
            path = base + "/" + SigV4.encodeSegment(bucket) + "/" + encodedKey;
        } else {
            host = bucket + "." + host;
            path = base + "/" + encodedKey;
        }
        int port = endpoint.getPort();
        boolean defaultPort = port == -1
                || (port == 80 && endpoint.getScheme().equals("http"))
                || (port == 443 && endpoint.getScheme().equals("https"));
        String authority = defaultPort ? host : host + ":" + port;
        URI uri = URI.create(endpoint.getScheme() + "://" + authority + path);
        Map<String, String> signed =
                signer.sign(method, path, "", Map.of("host", authority), payloadSha256, clock.instant());
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(timeout).method(method, body);
        signed.forEach(request::header);
        try {
            return http.send(request.build(), handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while calling the file storage", e);
        }
    }

    private static IOException failure(String method, String key, int status, String body) {
        return new IOException(
                "The S3 store answered " + method + " " + key + " with " + status + " " + errorCode(body));
    }

    private static String errorCode(String body) {
        Matcher code = ERROR_CODE.matcher(body == null ? "" : body);
        return code.find() ? code.group(1) : "";
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
