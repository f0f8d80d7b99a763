package dev.parley.assistant.internal.tools;

import dev.parley.assistant.AssistantTool;
import dev.parley.assistant.ToolInvocation;
import dev.parley.assistant.ToolName;
import dev.parley.assistant.ToolOutcome;
import dev.parley.assistant.ToolSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Hands the conversation to a human. The assistant only decides; the conversation module escalates (assigns an
 * agent, opens a helpdesk ticket) when the turn says so.
 */
@Component
class HandoffTool implements AssistantTool {

    @Override
    public String name() {
        return ToolName.HANDOFF.wire();
    }

    @Override
    public String description() {
        return "Hand the conversation over to a human support agent.";
    }

    @Override
    public ToolSchema parameters() {
        return new ToolSchema(
                Map.of(
                        "reason", ToolSchema.Property.string("Why a human should take over"),
                        "priority", ToolSchema.Property.oneOf("How urgent", "low", "normal", "high", "urgent")),
                List.of("reason"));
    }

    @Override
    public boolean needsCustomerYes() {
        return false;
    }

    @Override
    public ToolOutcome execute(ToolInvocation invocation) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", invocation.arguments().get("reason"));
        details.put("priority", invocation.arguments().text("priority").orElse("normal"));
        return new ToolOutcome.Done("escalated", null, details, List.of(), Map.of());
    }
}
