package dev.parley.tenancy;

import dev.parley.platform.Caller;
import java.util.List;

/** What other modules may ask of tenancy: a workspace's settings, platform, name and allowed domains. */
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

    /** The workspace's name. */
    String name(String workspaceId);

    /**
     * The domains the workspace's widget and publishable keys may be used from ({@code shop.com},
     * {@code *.shop.com}, optionally with a port).
     */
    List<String> domains(String workspaceId);

    /**
     * Replaces the caller's workspace's allowed domains, validated like the store API's {@code domains}; a test key
     * may not.
     *
     * @return the domains as stored (lower case, without duplicates)
     */
    List<String> changeDomains(Caller caller, List<String> domains);

    /**
     * Replaces the caller's workspace's settings (the console's settings form); a test key may not.
     *
     * @throws dev.parley.platform.ApiException {@code insufficient_permissions} without {@code settings:write}
     */
    StoreSettings changeSettings(Caller caller, StoreSettings settings);
}
