package dev.parley.commerce.internal;

import dev.parley.assistant.AssistantTool;
import dev.parley.assistant.ToolName;
import dev.parley.assistant.ToolSchema;
import dev.parley.platform.Mode;

/** A tool that acts on the workspace's store: offered to the assistant only while a store is connected. */
abstract class StoreTool implements AssistantTool {

    private final StoreConnections connections;
    private final ToolName name;
    private final String description;
    private final ToolSchema parameters;

    StoreTool(StoreConnections connections, ToolName name, String description, ToolSchema parameters) {
        this.connections = connections;
        this.name = name;
        this.description = description;
        this.parameters = parameters;
    }

    /** A store tool under one of Parley's own names ({@link ToolName#BUILT_IN}); any other is a mistake. */
    StoreTool(StoreConnections connections, String name, String description, ToolSchema parameters) {
        this(
                connections,
                ToolName.BUILT_IN.stream()
                        .filter(t -> t.is(name))
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("Not a built-in tool's name: " + name)),
                description,
                parameters);
    }

    @Override
    public final boolean available(String workspaceId, Mode mode) {
        return connections.connected(workspaceId, mode);
    }

    @Override
    public final String name() {
        return name.wire();
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
