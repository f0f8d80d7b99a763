/**
 * The platform owns what every request crosses: errors and their envelope, ids, paging, localized messages,
 * authentication of callers, scopes, rate limits, idempotency, health and request metrics.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Platform",
        allowedDependencies = {})
package dev.parley.platform;
