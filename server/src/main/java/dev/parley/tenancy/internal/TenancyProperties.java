package dev.parley.tenancy.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the tenancy module ({@code parley.tenancy.*}).
 *
 * @param bootstrapAdminKey the admin key of a new installation ({@code PARLEY_BOOTSTRAP_ADMIN_KEY}); generated and
 *     printed once when empty
 * @param bootstrapStoreName the name of the workspace created on first start
 */
@ConfigurationProperties("parley.tenancy")
record TenancyProperties(
        String bootstrapAdminKey,
        @DefaultValue("Parley Demo Store") String bootstrapStoreName) {}
