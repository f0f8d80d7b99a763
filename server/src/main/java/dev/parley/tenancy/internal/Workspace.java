package dev.parley.tenancy.internal;

import dev.parley.platform.ApiException;
import dev.parley.tenancy.Plan;
import dev.parley.tenancy.StoreSettings;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** A workspace: one store, its allowed domains, its platform and plan, and its settings. */
record Workspace(
        String id,
        String name,
        List<String> domains,
        String platform,
        Plan plan,
        Long quotaPerHour,
        StoreSettings settings,
        Instant createdAt,
        Instant updatedAt) {

    static final Set<String> PLATFORMS = Set.of("shopify", "woocommerce", "demo", "custom");
    private static final Pattern DOMAIN = Pattern.compile(
            "(\\*\\.)?[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*(:\\d{1,5})?");
    private static final int MAX_DOMAINS = 50;

    Workspace {
        name = validName(name);
        domains = validDomains(domains);
        if (!PLATFORMS.contains(platform)) {
            throw ApiException.invalidField("platform", "invalid_value");
        }
        if (quotaPerHour != null && quotaPerHour < 1) {
            throw ApiException.invalidField("quota_per_hour", "out_of_range");
        }
    }

    /** The primary domain: the first allowed one, as seed 001's {@code domain} field shows it. */
    String domain() {
        return domains.isEmpty() ? null : domains.getFirst();
    }

    long hourlyQuota() {
        return plan.quota(quotaPerHour);
    }

    /** Whether {@code host} (optionally with a port) is one of this workspace's domains, wildcards included. */
    boolean allows(String host) {
        String candidate = host.toLowerCase(Locale.ROOT);
        for (String domain : domains) {
            if (domain.equals(candidate)) {
                return true;
            }
            if (domain.startsWith("*.") && candidate.endsWith(domain.substring(1))) {
                return true;
            }
        }
        return false;
    }

    static String validName(String name) {
        if (name == null || name.isBlank()) {
            throw ApiException.missingField("name");
        }
        if (name.strip().length() > 200) {
            throw ApiException.invalidField("name", "too_long");
        }
        return name.strip();
    }

    static List<String> validDomains(List<String> domains) {
        if (domains == null) {
            return List.of();
        }
        if (domains.size() > MAX_DOMAINS) {
            throw ApiException.invalidField("domains", "too_long");
        }
        LinkedHashSet<String> valid = new LinkedHashSet<>();
        for (String domain : domains) {
            String normalized = domain == null ? "" : domain.strip().toLowerCase(Locale.ROOT);
            if (normalized.length() > 253 || !DOMAIN.matcher(normalized).matches()) {
                throw ApiException.invalidField("domains", "invalid_format");
            }
            valid.add(normalized);
        }
        return List.copyOf(valid);
    }
}
