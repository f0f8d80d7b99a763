/**
 * Conversations own the talk between customers, the assistant and human agents: contacts, conversations, messages,
 * their statuses and the facts each conversation remembers.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Conversation",
        allowedDependencies = {"platform", "tenancy", "assistant"})
package dev.parley.conversation;
