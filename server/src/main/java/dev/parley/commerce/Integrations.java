package dev.parley.commerce;

import dev.parley.platform.Caller;
import java.time.Instant;
import java.util.Map;

/**
 * The workspace's store connection (demo, Shopify, WooCommerce) and helpdesk (Gorgias), for the console: what
 * {@code /v1/store/connection} and {@code /v1/helpdesk/connection} serve. Credentials go in only; none come out.
 */
public interface Integrations {

    record StoreLink(
            boolean connected,
            String platform,
            String shopDomain,
            String baseUrl,
            int maxDiscountPercent,
            Instant updatedAt) {}

    record HelpdeskLink(boolean connected, String platform, String baseUrl, String mode, Instant updatedAt) {}

    StoreLink store(Caller caller);

    /**
     * Connects the store, checked like {@code PUT /v1/store/connection}.
     *
     * @param credentials {@code access_token} (Shopify), {@code consumer_key} and {@code consumer_secret}
     *     (WooCommerce), optional {@code webhook_secret}
     * @throws dev.parley.platform.ApiException {@code missing_field} or {@code invalid_field} naming what is wrong
     */
    StoreLink connectStore(
            Caller caller,
            String platform,
            String shopDomain,
            String baseUrl,
            Map<String, String> credentials,
            Integer maxDiscountPercent);

    void disconnectStore(Caller caller);

    HelpdeskLink helpdesk(Caller caller);

    /**
     * Connects Gorgias, checked like {@code PUT /v1/helpdesk/connection}.
     *
     * @param credentials {@code username}, {@code api_key}, {@code webhook_secret}
     */
    HelpdeskLink connectHelpdesk(Caller caller, String baseUrl, Map<String, String> credentials);

    void disconnectHelpdesk(Caller caller);
}
