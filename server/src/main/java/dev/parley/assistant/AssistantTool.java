package dev.parley.assistant;

/**
 * Something the assistant can do: look up an order, search knowledge, hand over to a human. A tool is a thin
 * adapter over a module's API, and the module behind it enforces its own policy (a refund above the store's limit
 * is refused there, whoever asked). The assistant's gate checks the call itself (the tool exists, the arguments
 * fit the schema) and records every outcome as an action.
 */
public interface AssistantTool {

    /** The name models and the offline planner call it by, e.g. {@code search_knowledge}. */
    String name();

    /** What it does, for a model choosing tools. */
    String description();

    ToolSchema parameters();

    ToolOutcome execute(ToolInvocation invocation);

    /**
     * Whether the tool changes an order or moves money at the customer's request (a refund, a return, a cancellation,
     * an address change), so that it runs only after the customer's explicit yes to it as stated: the offline planner
     * states it first, and a model's call of it becomes such a statement. Every tool declares it (there is no default),
     * so a new tool cannot leave it out; a lookup, a search or a handoff says {@code false}.
     */
    boolean needsCustomerYes();

    /**
     * What the tool's policy would say to this call now, without doing anything: a refusal, or what it needs from the
     * customer; empty when it would go ahead as far as it can tell. The assistant asks this before it states a
     * consequential action for the customer's yes, and {@link #execute} decides again when they say it.
     */
    default java.util.Optional<ToolOutcome> check(ToolInvocation invocation) {
        return java.util.Optional.empty();
    }

    /**
     * Whether the tool can act for this workspace and mode at all (a store tool needs a connected store), so that
     * the offline planner does not reach for it in vain. The tool's own policy still decides each call.
     */
    default boolean available(String workspaceId, dev.parley.platform.Mode mode) {
        return true;
    }
}
