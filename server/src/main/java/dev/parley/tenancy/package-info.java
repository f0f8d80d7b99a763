/** Tenancy owns workspaces (stores), their settings and plans, and the API keys that act for them. */
@org.springframework.modulith.ApplicationModule(
        displayName = "Tenancy",
        allowedDependencies = {"platform"})
package dev.parley.tenancy;
