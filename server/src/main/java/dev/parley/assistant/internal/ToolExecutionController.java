package dev.parley.assistant.internal;

import dev.parley.assistant.ActionTaken;
import dev.parley.assistant.ToolArguments;
import dev.parley.assistant.ToolInvocation;
import dev.parley.assistant.ToolOutcome;
import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.RequiresScope;
import dev.parley.platform.Scope;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seed 004's tool-execution test endpoint: {@code POST /v1/test/tool-execution} runs one tool through the same gate
 * and policy as a conversation, for the caller's workspace and mode. {@code facts} stand in for what a conversation
 * would have established (the customer's email, say); the tool's policy still decides.
 */
@RestController
class ToolExecutionController {

    private final ToolGate gate;

    ToolExecutionController(ToolGate gate) {
        this.gate = gate;
    }

    record ExecutionRequest(String tool, ToolArguments parameters, Map<String, String> facts) {}

    record ExecutionResponse(
            String tool, ActionTaken.Status status, String result, ActionTaken action, boolean escalate) {}

    @PostMapping("/v1/test/tool-execution")
    @RequiresScope(Scope.SETTINGS_WRITE)
    ExecutionResponse execute(Caller caller, @RequestBody ExecutionRequest request) {
        if (request.tool() == null || request.tool().isBlank()) {
            throw ApiException.missingField("tool");
        }
        if (gate.tools().stream().noneMatch(t -> t.name().equals(request.tool()))) {
            throw ApiException.invalidField("tool", "invalid_value");
        }
        ToolGate.Call call = gate.call(
                request.tool(),
                new ToolInvocation(
                        caller.workspaceId(),
                        caller.mode(),
                        null,
                        "",
                        arguments(request.parameters()),
                        withoutNulls(request.facts())));
        String result = switch (call.outcome()) {
            case ToolOutcome.Done done -> done.answer();
            case ToolOutcome.Refused refused -> refused.message();
            case ToolOutcome.NeedsInfo needs -> needs.question();
        };
        boolean escalate = call.outcome() instanceof ToolOutcome.Refused r && r.escalate();
        return new ExecutionResponse(request.tool(), call.action().status(), result, call.action(), escalate);
    }

    /** The parameters given, those sent as JSON null left out as not given. */
    private static ToolArguments arguments(ToolArguments parameters) {
        return parameters == null ? ToolArguments.none() : ToolArguments.of(withoutNulls(parameters.asJson()));
    }

    private static <V> Map<String, V> withoutNulls(Map<String, V> map) {
        Map<String, V> copy = new java.util.LinkedHashMap<>();
        if (map != null) {
            map.forEach((k, v) -> {
                if (v != null) {
                    copy.put(k, v);
                }
            });
        }
        return copy;
    }
}
