/**
 * Analytics: one event log fed by every module's published facts and by clients' own events (seed 004), and every
 * report the seeds promise read from it: seed 001's analytics, seed 002's metrics, seed 003's overview and agent
 * performance, seed 000's intelligence and dashboard, seed 004's session analytics. Definitions are in
 * {@code docs/analytics.md}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Analytics",
        allowedDependencies = {"platform", "tenancy", "knowledge", "assistant", "conversation"})
package dev.parley.analytics;
