package dev.parley.privacy.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the privacy module ({@code parley.privacy.*}).
 *
 * @param exportTtl how long an export archive can be downloaded before it is deleted ({@code PARLEY_EXPORT_TTL})
 * @param sweepInterval how often each workspace's retention period is applied and expired archives deleted
 */
@ConfigurationProperties("parley.privacy")
record PrivacyProperties(
        @DefaultValue("7d") Duration exportTtl,
        @DefaultValue("1h") Duration sweepInterval) {}
