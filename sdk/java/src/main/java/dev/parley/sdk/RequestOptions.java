package dev.parley.sdk;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options for one call, passed as the last argument of any resource method:
 * {@code parley.conversations().create(params, RequestOptions.idempotencyKey("order-1001-welcome"))}.
 */
public final class RequestOptions {
    private final String idempotencyKey;
    private final Integer maxRetries;
    private final Duration timeout;
    private final Map<String, String> headers;

    private RequestOptions(Builder builder) {
        this.idempotencyKey = builder.idempotencyKey;
        this.maxRetries = builder.maxRetries;
        this.timeout = builder.timeout;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(builder.headers));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Only an {@code Idempotency-Key}: makes a POST safe to repeat, across processes too. */
    public static RequestOptions idempotencyKey(String key) {
        return builder().idempotencyKey(key).build();
    }

    /** The {@code Idempotency-Key} to send with a POST; null lets the client generate one per call. */
    public String idempotencyKey() {
        return idempotencyKey;
    }

    /** Overrides the client's {@code maxRetries}; null keeps it. */
    public Integer maxRetries() {
        return maxRetries;
    }

    /** Overrides the client's per-attempt timeout; null keeps it. */
    public Duration timeout() {
        return timeout;
    }

    /** Extra headers for this call. */
    public Map<String, String> headers() {
        return headers;
    }

    /** Builds {@link RequestOptions}. */
    public static final class Builder {
        private String idempotencyKey;
        private Integer maxRetries;
        private Duration timeout;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Builder() {}

        public Builder idempotencyKey(String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public RequestOptions build() {
            return new RequestOptions(this);
        }
    }
}
