package dev.parley.platform.internal;

import dev.parley.platform.ApiException;
import dev.parley.platform.ErrorCode;
import java.io.IOException;
import java.util.Map;

/** Thrown while reading a body that turns out larger than allowed, so the advice can answer 413. */
class PayloadTooLargeException extends IOException {

    private final long limit;

    PayloadTooLargeException(long limit) {
        super("Request body larger than " + limit + " bytes");
        this.limit = limit;
    }

    ApiException toApiException() {
        return new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, null, Map.of("max_bytes", limit), limit);
    }
}
