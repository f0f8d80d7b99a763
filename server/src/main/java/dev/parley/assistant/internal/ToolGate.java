package dev.parley.assistant.internal;

import dev.parley.assistant.ActionTaken;
import dev.parley.assistant.AssistantTool;
import dev.parley.assistant.ToolArguments;
import dev.parley.assistant.ToolInvocation;
import dev.parley.assistant.ToolOutcome;
import dev.parley.platform.ApiException;
import dev.parley.platform.ErrorCode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one way to a tool, whoever asks (the offline planner or a model): the tool must exist, the arguments must fit
 * its schema, and every outcome, refusals and failures included, becomes an action. What the tool then allows is the
 * policy of the module behind it.
 */
@Component
public class ToolGate {

    private static final Logger log = LoggerFactory.getLogger(ToolGate.class);

    private final Map<String, AssistantTool> tools;

    public ToolGate(List<AssistantTool> tools) {
        this.tools = tools.stream()
                .collect(Collectors.toMap(AssistantTool::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    /** A tool call and what came of it. */
    public record Call(ActionTaken action, ToolOutcome outcome) {}

    public Collection<AssistantTool> tools() {
        return tools.values();
    }

    /** Whether the tool exists and can act for this workspace and mode. */
    public boolean available(String name, String workspaceId, dev.parley.platform.Mode mode) {
        AssistantTool tool = tools.get(name);
        return tool != null && tool.available(workspaceId, mode);
    }

    /**
     * Whether the tool runs only after the customer's explicit yes, as the tool declares
     * ({@link AssistantTool#needsCustomerYes}); a tool that does not exist needs none, since the gate refuses it.
     */
    public boolean needsCustomerYes(String name) {
        AssistantTool tool = tools.get(name);
        return tool != null && tool.needsCustomerYes();
    }

    /** The refusal a call of the tool with these arguments would get before it runs (no such tool, unfit), if any. */
    public Optional<Call> check(String name, ToolArguments arguments) {
        AssistantTool tool = tools.get(name);
        if (tool == null) {
            return Optional.of(refused(name, "unknown_tool", Map.of()));
        }
        List<String> problems = tool.parameters().problems(arguments);
        if (!problems.isEmpty()) {
            return Optional.of(refused(name, "invalid_arguments", Map.of("problems", problems)));
        }
        return Optional.empty();
    }

    /**
     * What the tool's policy would say to the call now, without making it (see {@link AssistantTool#check}): a
     * refusal or a question, recorded as an action; empty when it would go ahead.
     */
    public Optional<Call> precheck(String name, ToolInvocation invocation) {
        Optional<Call> unfit = check(name, invocation.arguments());
        if (unfit.isPresent()) {
            return unfit;
        }
        try {
            return tools.get(name).check(invocation).map(outcome -> new Call(action(name, outcome), outcome));
        } catch (RuntimeException e) {
            log.warn("Tool {} failed its check", name, e);
            return Optional.empty();
        }
    }

    public Call call(String name, ToolInvocation invocation) {
        Optional<Call> unfit = check(name, invocation.arguments());
        if (unfit.isPresent()) {
            return unfit.get();
        }
        AssistantTool tool = tools.get(name);
        ToolOutcome outcome;
        try {
            outcome = tool.execute(invocation);
        } catch (RuntimeException e) {
            if (e instanceof ApiException busy && busy.code() == ErrorCode.SERVICE_UNAVAILABLE) {
                // The node has no capacity for the tool now (no embedding thread or connection within its wait): the
                // whole request is refused, with Retry-After, rather than answered as if the tool had found nothing.
                throw busy;
            }
            log.warn("Tool {} failed", name, e);
            return new Call(
                    new ActionTaken(
                            name + "_failed",
                            name,
                            ActionTaken.Status.FAILED,
                            Map.of("error", e.getClass().getSimpleName())),
                    new ToolOutcome.Refused("tool_failed", null, Map.of(), false));
        }
        return new Call(action(name, outcome), outcome);
    }

    private static ActionTaken action(String tool, ToolOutcome outcome) {
        return switch (outcome) {
            case ToolOutcome.Done done ->
                new ActionTaken(done.actionType(), tool, ActionTaken.Status.EXECUTED, done.details());
            case ToolOutcome.Refused refused -> {
                Map<String, Object> details = new LinkedHashMap<>(refused.details());
                details.put("reason", refused.reason());
                yield new ActionTaken(tool + "_refused", tool, ActionTaken.Status.REFUSED, details);
            }
            case ToolOutcome.NeedsInfo needs ->
                new ActionTaken(
                        "information_requested", tool, ActionTaken.Status.NEEDS_INFO, Map.of("field", needs.field()));
        };
    }

    private static Call refused(String tool, String reason, Map<String, Object> details) {
        Map<String, Object> all = new LinkedHashMap<>(details);
        all.put("reason", reason);
        return new Call(
                new ActionTaken("tool_refused", tool, ActionTaken.Status.REFUSED, all),
                new ToolOutcome.Refused(reason, null, all, false));
    }
}
