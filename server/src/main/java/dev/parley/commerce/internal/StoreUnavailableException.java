package dev.parley.commerce.internal;

import dev.parley.platform.ApiException;
import dev.parley.platform.ErrorCode;
import java.util.Map;

/** The store did not answer usefully after the retries: a 502 {@code integration_error} for API callers. */
class StoreUnavailableException extends ApiException {

    StoreUnavailableException(String platform, String reason) {
        super(ErrorCode.INTEGRATION_ERROR, null, Map.of("service", platform, "reason", reason));
    }
}
