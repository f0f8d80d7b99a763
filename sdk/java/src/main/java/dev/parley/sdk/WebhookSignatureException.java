package dev.parley.sdk;

/** {@code webhooks.verify} refused a delivery: no usable signature header, a wrong signature, or a stale timestamp. */
public class WebhookSignatureException extends ParleyException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    public WebhookSignatureException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    /**
     * Why: {@code missing_secret}, {@code missing_signature}, {@code malformed}, {@code mismatch},
     * {@code timestamp_out_of_tolerance}, {@code invalid_payload}.
     */
    public String reason() {
        return reason;
    }

    @Override
    public String code() {
        return "invalid_signature";
    }
}
