package dev.parley.webhook.internal;

import dev.parley.platform.ApiException;
import dev.parley.platform.ErrorCode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** How {@code X-Webhook-Signature} spells the HMAC-SHA256 of the raw body. */
enum SignatureFormat {
    /** {@code sha256=<hex>}: seed 002's receiver, and the default. */
    SHA256_PREFIXED("sha256_prefixed"),
    /** The bare hex digest: seed 000's receiver. */
    HEX("hex");

    static final String FIELD = "signature_format";

    private final String wire;

    SignatureFormat(String wire) {
        this.wire = wire;
    }

    String wire() {
        return wire;
    }

    /** The format a request names; {@code invalid_value} for anything else. */
    static SignatureFormat of(String wire) {
        return Arrays.stream(values())
                .filter(f -> f.wire.equals(wire))
                .findFirst()
                .orElseThrow(() -> new ApiException(
                        ErrorCode.INVALID_REQUEST,
                        "error.invalid_request.field.invalid_value",
                        Map.of("field", FIELD, "reason", "invalid_value", "allowed", wires()),
                        FIELD));
    }

    static List<String> wires() {
        return Arrays.stream(values()).map(SignatureFormat::wire).toList();
    }
}
