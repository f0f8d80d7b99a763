/**
 * The assistant owns one turn of a conversation: understanding the message (intent, out-of-scope, sentiment),
 * deciding, acting through policy-checked tools, and answering from the workspace's knowledge.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Assistant",
        allowedDependencies = {"platform", "tenancy", "knowledge"})
package dev.parley.assistant;
