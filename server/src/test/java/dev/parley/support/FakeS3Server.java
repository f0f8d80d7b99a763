package dev.parley.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A fake S3 on 127.0.0.1: one bucket, path-style PUT, GET, HEAD and DELETE object, S3's error XML, and every request's
 * Signature Version 4 checked by its own reading of AWS's rules (not Parley's signer): the credential and its scope,
 * the canonical request rebuilt from what arrived, the payload's hash against the bytes received, and the time.
 */
public final class FakeS3Server implements AutoCloseable {

    public static final String BUCKET = "parley-test";
    public static final String REGION = "eu-central-1";
    public static final String ACCESS_KEY = "AKIDPARLEYTEST";
    public static final String SECRET_KEY = "fake/secret+key/for/tests";

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static volatile FakeS3Server shared;

    private final HttpServer server;
    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    private final List<String> refusals = new CopyOnWriteArrayList<>();

    private FakeS3Server() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeS3Server start() {
        try {
            return new FakeS3Server();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one server the application contexts of {@link Initializer} store their files in. */
    public static synchronized FakeS3Server shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public Set<String> keys() {
        return Set.copyOf(objects.keySet());
    }

    public byte[] object(String key) {
        return objects.get(key);
    }

    /** The error codes of the requests refused so far. */
    public List<String> refusals() {
        return List.copyOf(refusals);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String refusal = refusal(exchange, body);
            if (refusal != null) {
                refusals.add(refusal);
                error(exchange, refusal.equals("XAmzContentSHA256Mismatch") ? 400 : 403, refusal);
                return;
            }
            String path = exchange.getRequestURI().getRawPath();
            String prefix = "/" + BUCKET + "/";
            if (!path.startsWith(prefix) || path.length() == prefix.length()) {
                error(exchange, 404, "NoSuchBucket");
                return;
            }
            String key = URLDecoder.decode(path.substring(prefix.length()), StandardCharsets.UTF_8);
            switch (exchange.getRequestMethod()) {
                case "PUT" -> {
                    objects.put(key, body);
                    exchange.getResponseHeaders().set("ETag", "\"" + hex(md5(body)) + "\"");
                    exchange.sendResponseHeaders(200, -1);
                }
                case "GET" -> {
                    byte[] value = objects.get(key);
                    if (value == null) {
                        error(exchange, 404, "NoSuchKey");
                        return;
                    }
                    exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
                    exchange.sendResponseHeaders(200, value.length == 0 ? -1 : value.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(value);
                    }
                }
                case "HEAD" -> {
                    byte[] value = objects.get(key);
                    if (value != null) {
                        exchange.getResponseHeaders().set("Content-Length", String.valueOf(value.length));
                    }
                    exchange.sendResponseHeaders(value == null ? 404 : 200, -1);
                }
                case "DELETE" -> {
                    objects.remove(key);
                    exchange.sendResponseHeaders(204, -1);
                }
                default -> error(exchange, 405, "MethodNotAllowed");
            }
        }
    }

    /** Why S3 would refuse this request's signature, or null when it is good. */
    String refusal(HttpExchange exchange, byte[] body) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String amzDate = exchange.getRequestHeaders().getFirst("x-amz-date");
        String contentSha256 = exchange.getRequestHeaders().getFirst("x-amz-content-sha256");
        if (authorization == null || amzDate == null || contentSha256 == null) {
            return "AccessDenied";
        }
        Instant sent;
        try {
            sent = LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (RuntimeException e) {
            return "AccessDenied";
        }
        if (Duration.between(sent, Instant.now()).abs().compareTo(Duration.ofMinutes(15)) > 0) {
            return "RequestTimeTooSkewed";
        }
        if (!contentSha256.equals(hex(sha256(body)))) {
            return "XAmzContentSHA256Mismatch";
        }
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders()
                .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.getFirst()));
        String canonical = canonicalRequest(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(),
                headers,
                authorization,
                contentSha256);
        return canonical == null ? "AccessDenied" : check(authorization, amzDate, canonical);
    }

    /** The canonical request of these parts, or null when the Authorization header leaves a required header out. */
    static String canonicalRequest(
            String method,
            String rawPath,
            String rawQuery,
            Map<String, String> headers,
            String authorization,
            String payloadHash) {
        List<String> signedHeaders =
                List.of(field(authorization, "SignedHeaders").split(";"));
        if (!signedHeaders.containsAll(List.of("host", "x-amz-date", "x-amz-content-sha256"))) {
            return null;
        }
        StringBuilder canonical =
                new StringBuilder(method).append('\n').append(rawPath).append('\n');
        if (rawQuery != null && !rawQuery.isEmpty()) {
            List<String> pairs = new ArrayList<>(List.of(rawQuery.split("&")));
            pairs.sort(null);
            canonical.append(String.join("&", pairs));
        }
        canonical.append('\n');
        for (String name : signedHeaders) {
            String value = headers.get(name);
            if (value == null) {
                return null;
            }
            canonical
                    .append(name)
                    .append(':')
                    .append(value.trim().replaceAll("\\s+", " "))
                    .append('\n');
        }
        return canonical
                .append('\n')
                .append(String.join(";", signedHeaders))
                .append('\n')
                .append(payloadHash)
                .toString();
    }

    /** Checks the credential and the signature of a canonical request; null when both are right. */
    static String check(String authorization, String amzDate, String canonicalRequest) {
        return check(authorization, amzDate, canonicalRequest, ACCESS_KEY, SECRET_KEY, REGION);
    }

    static String check(
            String authorization,
            String amzDate,
            String canonicalRequest,
            String accessKey,
            String secretKey,
            String region) {
        if (!authorization.startsWith("AWS4-HMAC-SHA256 ")) {
            return "AccessDenied";
        }
        String[] credential = field(authorization, "Credential").split("/");
        if (credential.length != 5 || !credential[0].equals(accessKey)) {
            return "InvalidAccessKeyId";
        }
        String day = amzDate.substring(0, 8);
        if (!credential[1].equals(day)
                || !credential[2].equals(region)
                || !credential[3].equals("s3")
                || !credential[4].equals("aws4_request")) {
            return "AuthorizationHeaderMalformed";
        }
        String scope = day + "/" + region + "/s3/aws4_request";
        String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] signingKey = ("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8);
        for (String part : List.of(day, region, "s3", "aws4_request")) {
            signingKey = hmac(signingKey, part);
        }
        String expected = hex(hmac(signingKey, toSign));
        return MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.US_ASCII),
                        field(authorization, "Signature").getBytes(StandardCharsets.US_ASCII))
                ? null
                : "SignatureDoesNotMatch";
    }

    /** The check of AWS's documented example (GET /test.txt of examplebucket), for the fake's own test. */
    public static String checkDocumentedExample(String authorization) {
        Map<String, String> headers = Map.of(
                "host", "examplebucket.s3.amazonaws.com",
                "range", "bytes=0-9",
                "x-amz-content-sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                "x-amz-date", "20130524T000000Z");
        String canonical = canonicalRequest(
                "GET",
                "/test.txt",
                null,
                headers,
                authorization,
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        return canonical == null
                ? "AccessDenied"
                : check(
                        authorization,
                        "20130524T000000Z",
                        canonical,
                        "AKIAIOSFODNN7EXAMPLE",
                        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                        "us-east-1");
    }

    private static String field(String authorization, String name) {
        for (String part :
                authorization.substring(authorization.indexOf(' ') + 1).split(",")) {
            String trimmed = part.trim();
            if (trimmed.startsWith(name + "=")) {
                return trimmed.substring(name.length() + 1);
            }
        }
        return "";
    }

    private static void error(HttpExchange exchange, int status, String code) throws IOException {
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + code
                        + "</Message><RequestId>fake</RequestId></Error>")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/xml");
        exchange.sendResponseHeaders(status, xml.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(xml);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] data) {
        return digest("SHA-256", data);
    }

    private static byte[] md5(byte[] data) {
        return digest("MD5", data);
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * Points a test context's file store at the shared fake S3 (path-style, a region other than the default), on an H2
     * database of its own, which {@link TestDatabase} then leaves alone.
     */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            FakeS3Server s3 = shared();
            // A database of its own: this context's job runner must not take the shared context's jobs, whose files
            // live elsewhere.
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource("test-database", TestDatabase.h2("parley_test_s3")));
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "fake-s3",
                            Map.of(
                                    "parley.files.s3.endpoint", s3.endpoint(),
                                    "parley.files.s3.region", REGION,
                                    "parley.files.s3.bucket", BUCKET,
                                    "parley.files.s3.access-key", ACCESS_KEY,
                                    "parley.files.s3.secret-key", SECRET_KEY,
                                    "parley.files.s3.path-style", "true")));
        }
    }
}
