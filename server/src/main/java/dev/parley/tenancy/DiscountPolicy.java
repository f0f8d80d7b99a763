package dev.parley.tenancy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.parley.platform.ApiException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * When the assistant may give a customer a discount code ({@code settings.discount_policy}). Never on request alone:
 * what counts as service recovery is decided in the commerce module, from the store's own data.
 */
public enum DiscountPolicy {
    /** The assistant gives no codes. */
    NEVER,
    /** Only to make up for a confirmed problem with the customer's order (the default). */
    SERVICE_RECOVERY;

    public static final DiscountPolicy DEFAULT = SERVICE_RECOVERY;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> wires() {
        return Arrays.stream(values()).map(DiscountPolicy::wire).toList();
    }

    @JsonCreator
    public static DiscountPolicy of(String value) {
        return Arrays.stream(values())
                .filter(p -> p.wire().equals(value))
                .findFirst()
                .orElseThrow(() -> ApiException.invalidField("settings.discount_policy", "invalid_value"));
    }
}
