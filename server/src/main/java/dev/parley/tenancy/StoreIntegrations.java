package dev.parley.tenancy;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a workspace has connected, for the {@code integrations} block of its store resource (seed 001's
 * {@code integrations{shopify{connected, scopes}, gorgias{connected, mode}}}). The module that owns the connections
 * answers it, so that tenancy needs no knowledge of them.
 */
public interface StoreIntegrations {

    IntegrationsBlock of(String workspaceId);

    /** Each integration by name, with its status fields; absent when no module answers for it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record IntegrationsBlock(
            ShopifyIntegration shopify, WooCommerceIntegration woocommerce, HelpdeskIntegration gorgias) {

        /** Nothing answers for the integrations. */
        public static final IntegrationsBlock NONE = new IntegrationsBlock(null, null, null);
    }

    /** @param scopes the Admin API access scopes Parley uses, empty while not connected */
    record ShopifyIntegration(boolean connected, List<String> scopes) {}

    record WooCommerceIntegration(boolean connected) {}

    /** @param mode how the helpdesk is connected, {@code null} while it is not */
    record HelpdeskIntegration(boolean connected, String mode) {}
}
