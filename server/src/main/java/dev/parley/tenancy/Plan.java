package dev.parley.tenancy;

import dev.parley.platform.ApiException;
import java.util.Arrays;
import java.util.Locale;

/** Seed 002's plan tiers and their hourly request quotas; enterprise quotas are set per workspace. */
public enum Plan {
    FREE(100),
    STARTER(1_000),
    PROFESSIONAL(10_000),
    ENTERPRISE(0);

    private final long requestsPerHour;

    Plan(long requestsPerHour) {
        this.requestsPerHour = requestsPerHour;
    }

    /** The hourly quota, or 0 for none: an enterprise workspace is limited only by its own quota, if set. */
    public long quota(Long customQuota) {
        if (this == ENTERPRISE) {
            return customQuota == null ? 0 : customQuota;
        }
        return requestsPerHour;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Plan of(String value) {
        return Arrays.stream(values())
                .filter(p -> p.wire().equals(value))
                .findFirst()
                .orElseThrow(() -> ApiException.invalidField("plan", "invalid_value"));
    }
}
