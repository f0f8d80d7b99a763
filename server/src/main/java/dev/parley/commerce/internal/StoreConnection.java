package dev.parley.commerce.internal;

import java.time.Instant;
import java.util.Set;

/**
 * A workspace's store. Credentials are kept only sealed; {@link Credentials} is what they open to.
 *
 * @param shopDomain the store's host as its webhooks name it ({@code acme.myshopify.com}); how an inbound webhook
 *     finds its workspace
 * @param baseUrl where its API answers
 */
record StoreConnection(
        String workspaceId,
        String platform,
        String shopDomain,
        String baseUrl,
        String sealedCredentials,
        int maxDiscountPercent,
        Instant createdAt,
        Instant updatedAt) {

    static final Set<String> PLATFORMS = Set.of("demo", "shopify", "woocommerce");
    static final int DEFAULT_MAX_DISCOUNT_PERCENT = 10;

    /**
     * @param accessToken Shopify's Admin API access token
     * @param consumerKey WooCommerce's REST API key
     * @param webhookSecret what inbound webhooks are signed with (Shopify's app secret, WooCommerce's webhook secret)
     * @param customerTokenSecret what the store's own site signs customer tokens with
     */
    record Credentials(
            String accessToken,
            String consumerKey,
            String consumerSecret,
            String webhookSecret,
            String customerTokenSecret) {

        static Credentials none() {
            return new Credentials(null, null, null, null, null);
        }
    }
}
