package dev.parley.tenancy;

/** What other modules may ask of tenancy: a workspace's settings and platform. */
public interface Workspaces {

    /**
     * @throws dev.parley.platform.ApiException {@code not_found} for an unknown workspace
     */
    StoreSettings settings(String workspaceId);

    /**
     * The store platform the workspace says it runs on: shopify, woocommerce, demo or custom.
     *
     * @throws dev.parley.platform.ApiException {@code not_found} for an unknown workspace
     */
    String platform(String workspaceId);

    /** The ids of every workspace of the installation, for work that visits each (retention). */
    java.util.List<String> ids();
}
