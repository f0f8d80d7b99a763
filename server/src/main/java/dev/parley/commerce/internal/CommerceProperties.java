package dev.parley.commerce.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the commerce module ({@code parley.commerce.*}).
 *
 * @param orderRefreshInterval how often each connected Shopify or WooCommerce store's cached orders are read again
 *     from the store, besides its webhooks ({@code PARLEY_ORDER_REFRESH_INTERVAL})
 * @param orderRefreshBatch how many cached orders, the longest unrefreshed first, one refresh reads
 * @param storeTimeout how long one call to a store or Gorgias may take before it counts as failed and is retried
 *     ({@code PARLEY_STORE_TIMEOUT})
 */
@ConfigurationProperties("parley.commerce")
record CommerceProperties(
        @DefaultValue("15m") Duration orderRefreshInterval,
        @DefaultValue("50") int orderRefreshBatch,
        @DefaultValue("10s") Duration storeTimeout) {}
