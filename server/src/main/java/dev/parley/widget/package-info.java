/**
 * Widget owns the embeddable chat widget: its configuration (look, texts, behaviour; the allowed domains are the
 * workspace's), the automation triggers that open it, the {@code /widget.js} script, and the cross-origin access that
 * lets a store's pages call Parley with a publishable key.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Widget",
        allowedDependencies = {"platform", "tenancy"})
package dev.parley.widget;
