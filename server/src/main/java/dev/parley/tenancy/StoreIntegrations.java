package dev.parley.tenancy;

import java.util.Map;

/**
 * What a workspace has connected, for the {@code integrations} block of its store resource (seed 001's
 * {@code integrations{shopify{connected, scopes}, gorgias{connected, mode}}}). The module that owns the connections
 * answers it, so that tenancy needs no knowledge of them.
 */
public interface StoreIntegrations {

    /** Each integration by name, e.g. {@code shopify}, {@code woocommerce}, {@code gorgias}, with its status fields. */
    Map<String, Object> of(String workspaceId);
}
