/**
 * Commerce owns the connection to a workspace's store (Shopify, WooCommerce or the built-in demo store), the order
 * cache kept current by the store's webhooks, the policy-checked store tools the assistant acts through, and the
 * helpdesk (Gorgias) that escalations open tickets in.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Commerce",
        allowedDependencies = {"platform", "tenancy", "knowledge", "assistant", "conversation"})
package dev.parley.commerce;
