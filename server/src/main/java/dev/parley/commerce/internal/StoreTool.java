package dev.parley.commerce.internal;

import dev.parley.assistant.AssistantTool;
import dev.parley.assistant.ToolSchema;
import dev.parley.platform.Mode;

/** A tool that acts on the workspace's store: offered to the assistant only while a store is connected. */
abstract class StoreTool implements AssistantTool {

    private final StoreConnections connections;
    private final String name;
    private final String description;
    private final ToolSchema parameters;

    StoreTool(StoreConnections connections, String name, String description, ToolSchema parameters) {
        this.connections = connections;
        this.name = name;
        this.description = description;
        this.parameters = parameters;
    }

    @Override
    public final boolean available(String workspaceId, Mode mode) {
        return connections.connected(workspaceId, mode);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final ToolSchema parameters() {
        return parameters;
    }
}
