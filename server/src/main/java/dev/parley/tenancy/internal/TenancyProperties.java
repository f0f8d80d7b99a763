package dev.parley.tenancy.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the tenancy module ({@code parley.tenancy.*}).
 *
 * @param bootstrapAdminKey the admin key of a new installation ({@code PARLEY_BOOTSTRAP_ADMIN_KEY}); generated and
 *     printed once when empty
 * @param bootstrapStoreName the name of the workspace created on first start
 * @param consoleTokenTtl how long a console user's sign-in lasts ({@code PARLEY_CONSOLE_TOKEN_TTL})
 * @param passwordIterations PBKDF2 iterations of new password hashes ({@code PARLEY_PASSWORD_ITERATIONS})
 */
@ConfigurationProperties("parley.tenancy")
record TenancyProperties(
        String bootstrapAdminKey,
        @DefaultValue("Parley Demo Store") String bootstrapStoreName,
        @DefaultValue("12h") java.time.Duration consoleTokenTtl,
        @DefaultValue("210000") int passwordIterations) {}
