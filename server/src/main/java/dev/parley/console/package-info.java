/**
 * Console owns the agent console at {@code /console}: sign-in with a session cookie, the live inbox, the
 * conversation view with the agent's actions, and the admin pages; server-rendered (Thymeleaf and htmx) over the
 * other modules' public APIs.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Console",
        allowedDependencies = {
            "platform",
            "tenancy",
            "knowledge",
            "assistant",
            "conversation",
            "commerce",
            "webhook",
            "analytics",
            "widget",
            "live",
            "files"
        })
package dev.parley.console;
