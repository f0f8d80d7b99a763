/**
 * Webhook owns outbound webhooks: a workspace's subscriptions, the outbox every {@link dev.parley.platform.PublicEvent}
 * is written to in the transaction that caused it, and the signed, retried, per-conversation ordered delivery of
 * those events to the subscribers' URLs.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Webhook",
        allowedDependencies = {"platform"})
package dev.parley.webhook;
