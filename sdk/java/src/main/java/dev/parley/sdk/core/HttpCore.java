package dev.parley.sdk.core;

import dev.parley.sdk.ApiConnectionException;
import dev.parley.sdk.ApiException;
import dev.parley.sdk.ApiTimeoutException;
import dev.parley.sdk.ParleyException;
import dev.parley.sdk.RequestOptions;
import dev.parley.sdk.model.JsonObject;
import dev.parley.sdk.model.Params;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The HTTP core every resource goes through: auth, JSON, typed errors, retries with backoff, idempotency keys. */
public final class HttpCore {
    public static final String VERSION = "0.1.0";
    private static final Set<Integer> RETRYABLE_STATUS = Set.of(429, 502, 503);

    private final String baseUrl;
    private final String apiKey;
    private final String domain;
    private final String language;
    private final int maxRetries;
    private final Duration timeout;
    private final Duration maxRetryDelay;
    private final Duration maxRetryAfter;
    private final Map<String, String> headers;
    private final HttpClient client;

    /** Built by {@code Parley.builder()}. */
    public HttpCore(
            String baseUrl,
            String apiKey,
            String domain,
            String language,
            int maxRetries,
            Duration timeout,
            Duration maxRetryDelay,
            Duration maxRetryAfter,
            Map<String, String> headers,
            HttpClient client) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.apiKey = apiKey;
        this.domain = domain;
        this.language = language;
        this.maxRetries = maxRetries;
        this.timeout = timeout;
        this.maxRetryDelay = maxRetryDelay;
        this.maxRetryAfter = maxRetryAfter;
        this.headers = new LinkedHashMap<>(headers);
        this.client = client;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String apiKey() {
        return apiKey;
    }

    /** The {@link HttpClient} under the client (the live socket opens its WebSocket with it). */
    public HttpClient httpClient() {
        return client;
    }

    /** Sends the request (retrying as the class says) and returns the body as a JSON object. */
    public JsonObject request(ApiRequest request) {
        return send(request).object();
    }

    /** An absolute URI for a path of the API, or for an absolute URL the API gave back (a signed link). */
    public URI uri(String path, Params query) {
        String base = path.startsWith("http://") || path.startsWith("https://") ? path : baseUrl + path;
        if (query == null || query.toMap().isEmpty()) {
            return URI.create(base);
        }
        StringJoiner joined = new StringJoiner("&");
        for (Map.Entry<String, Object> entry : query.toMap().entrySet()) {
            Object value = entry.getValue();
            String text = value instanceof Collection
                    ? String.join(
                            ",",
                            ((Collection<?>) value)
                                    .stream().map(String::valueOf).toArray(String[]::new))
                    : String.valueOf(value);
            joined.add(encode(entry.getKey()) + "=" + encode(text));
        }
        return URI.create(base + (base.contains("?") ? "&" : "?") + joined);
    }

    /** Sends the request and returns the raw successful answer; throws {@link ApiException} subclasses otherwise. */
    public ApiResponse send(ApiRequest request) {
        RequestOptions options = request.options;
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(request.path, request.query))
                .timeout(options != null && options.timeout() != null ? options.timeout() : timeout)
                .header("Accept", "application/json")
                .header("User-Agent", "parley-java/" + VERSION);
        headers.forEach(builder::setHeader);
        if (!request.anonymous && apiKey != null) {
            builder.setHeader("Authorization", "Bearer " + apiKey);
        }
        if (domain != null) {
            builder.setHeader("X-Domain", domain);
        }
        if (language != null) {
            builder.setHeader("Accept-Language", language);
        }
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.noBody();
        if (request.rawBody != null) {
            publisher = HttpRequest.BodyPublishers.ofByteArray(request.rawBody);
            if (request.contentType != null) {
                builder.setHeader("Content-Type", request.contentType);
            }
        } else if (request.body != null) {
            Object body = request.body instanceof Params ? ((Params) request.body).toMap() : request.body;
            publisher = HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8);
            builder.setHeader("Content-Type", "application/json");
        }
        if ("POST".equals(request.method) && !request.anonymous) {
            // One key for the call: every retry of it sends the same, so the server applies it at most once.
            String key = options != null && options.idempotencyKey() != null
                    ? options.idempotencyKey()
                    : newIdempotencyKey();
            builder.setHeader("Idempotency-Key", key);
        }
        if (options != null) {
            options.headers().forEach(builder::setHeader);
        }
        HttpRequest httpRequest = builder.method(request.method, publisher).build();
        int retries = options != null && options.maxRetries() != null ? options.maxRetries() : maxRetries;
        for (int attempt = 0; ; attempt++) {
            HttpResponse<byte[]> response;
            try {
                response = client.send(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException failure) {
                ApiConnectionException error = connectionError(httpRequest, failure);
                if (attempt < retries) {
                    sleep(backoff(attempt, null));
                    continue;
                }
                throw error;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new ParleyException("Interrupted while calling " + httpRequest.uri(), interrupted);
            }
            int status = response.statusCode();
            if (status < 400) {
                return new ApiResponse(status, response.headers(), response.body());
            }
            ApiException error = error(status, response.headers(), response.body());
            String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
            Double seconds = parseRetryAfter(retryAfter);
            boolean waitable = seconds == null || seconds * 1000 <= maxRetryAfter.toMillis();
            if (attempt < retries && retryable(error) && waitable) {
                sleep(backoff(attempt, retryAfter));
                continue;
            }
            throw error;
        }
    }

    /**
     * How long to wait before retry {@code attempt + 1}: the server's {@code Retry-After} when it sent one, else
     * exponential backoff from 500 ms with jitter (half fixed, half random), so many clients refused at once do not
     * all come back at once.
     */
    public Duration backoff(int attempt, String retryAfter) {
        Double seconds = parseRetryAfter(retryAfter);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (seconds != null) {
            return Duration.ofMillis((long) (seconds * 1000) + random.nextLong(100));
        }
        long ceiling = Math.min(maxRetryDelay.toMillis(), 500L << Math.min(attempt, 20));
        return Duration.ofMillis(ceiling / 2 + (long) (random.nextDouble() * ceiling / 2));
    }

    /** {@code Retry-After} as seconds: a number of seconds or an HTTP date; null when absent or unreadable. */
    public static Double parseRetryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.matches("\\d{1,12}(\\.\\d+)?")) {
            return Double.valueOf(trimmed);
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME);
            return Math.max(0, (at.toInstant().toEpochMilli() - System.currentTimeMillis()) / 1000.0);
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    /** A fresh key: {@code idem_} and a random UUID. */
    public static String newIdempotencyKey() {
        return "idem_" + UUID.randomUUID();
    }

    private static boolean retryable(ApiException error) {
        // A 409 for a request still running under the same key: the first attempt is still being answered.
        return RETRYABLE_STATUS.contains(error.status()) || "idempotency_request_in_progress".equals(error.code());
    }

    private static ApiException error(int status, HttpHeaders headers, byte[] bytes) {
        String body = new String(bytes, StandardCharsets.UTF_8);
        JsonObject envelope = null;
        if (body.trim().startsWith("{")) {
            try {
                envelope = JsonObject.parse(body);
            } catch (IllegalArgumentException notJson) {
                envelope = null;
            }
        }
        return ApiException.of(status, body, envelope, headers);
    }

    private static ApiConnectionException connectionError(HttpRequest request, IOException failure) {
        String what = request.method() + " " + request.uri();
        if (failure instanceof HttpTimeoutException) {
            return new ApiTimeoutException(what + " got no answer in time", failure);
        }
        return new ApiConnectionException(what + " failed: " + failure, failure);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ParleyException("Interrupted while waiting to retry", interrupted);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
