package dev.parley.assistant.internal;

import dev.parley.assistant.internal.understanding.BuiltInIntents;
import dev.parley.assistant.internal.understanding.LabelledText;
import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.ErrorCode;
import dev.parley.platform.RequiresScope;
import dev.parley.platform.Scope;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A workspace's own intents, taught by examples beside the built-in commerce intents. Every change retrains the
 * workspace's classifier in the background; the next messages use it as soon as it is ready.
 */
@RestController
class IntentController {

    static final int MAX_EXAMPLES = 500;

    private final WorkspaceIntents workspaceIntents;
    private final Understanding understanding;
    private final Clock clock;
    private final Map<String, List<String>> builtIn;

    IntentController(WorkspaceIntents workspaceIntents, Understanding understanding, Clock clock) {
        this.workspaceIntents = workspaceIntents;
        this.understanding = understanding;
        this.clock = clock;
        this.builtIn = BuiltInIntents.examples().stream()
                .filter(e -> !e.label().equals("oos"))
                .collect(Collectors.groupingBy(
                        LabelledText::label,
                        TreeMap::new,
                        Collectors.mapping(LabelledText::text, Collectors.toList())));
    }

    record IntentRequest(String name, String description, List<String> examples) {}

    record IntentChange(
            String description, List<String> examples, List<String> addExamples, List<String> removeExamples) {}

    record IntentView(
            String name,
            String description,
            boolean builtIn,
            int examplesCount,
            List<String> examples,
            Instant updatedAt) {}

    record Listing(List<IntentView> data) {}

    @GetMapping("/v1/intents")
    @RequiresScope(Scope.SETTINGS_READ)
    Listing list(Caller caller) {
        List<IntentView> all = new ArrayList<>();
        builtIn.forEach((name, examples) -> all.add(new IntentView(name, null, true, examples.size(), null, null)));
        for (WorkspaceIntents.Intent intent : workspaceIntents.all(caller.workspaceId(), caller.mode())) {
            all.add(new IntentView(
                    intent.name(),
                    intent.description(),
                    false,
                    intent.examples().size(),
                    null,
                    intent.updatedAt()));
        }
        return new Listing(all);
    }

    @GetMapping("/v1/intents/{name}")
    @RequiresScope(Scope.SETTINGS_READ)
    IntentView get(Caller caller, @PathVariable String name) {
        if (builtIn.containsKey(name)) {
            List<String> examples = builtIn.get(name);
            return new IntentView(name, null, true, examples.size(), examples, null);
        }
        return view(custom(caller, name));
    }

    @PostMapping("/v1/intents")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresScope(Scope.SETTINGS_WRITE)
    IntentView create(Caller caller, @RequestBody IntentRequest request) {
        String name = validName(request.name());
        if (builtIn.containsKey(name) || name.equals("oos") || name.equals("other")) {
            throw conflict(name, "built_in");
        }
        Instant now = clock.instant();
        WorkspaceIntents.Intent intent = new WorkspaceIntents.Intent(
                name, validDescription(request.description()), validExamples(request.examples(), "examples"), now, now);
        if (!workspaceIntents.insert(caller.workspaceId(), caller.mode(), intent)) {
            throw conflict(name, "exists");
        }
        retrain(caller);
        return view(intent);
    }

    @PatchMapping("/v1/intents/{name}")
    @RequiresScope(Scope.SETTINGS_WRITE)
    IntentView update(Caller caller, @PathVariable String name, @RequestBody IntentChange change) {
        if (builtIn.containsKey(name)) {
            throw conflict(name, "built_in");
        }
        WorkspaceIntents.Intent current = custom(caller, name);
        Set<String> examples = new LinkedHashSet<>(
                change.examples() != null ? validExamples(change.examples(), "examples") : current.examples());
        if (change.addExamples() != null) {
            examples.addAll(validExamples(change.addExamples(), "add_examples"));
        }
        if (change.removeExamples() != null) {
            change.removeExamples().forEach(examples::remove);
        }
        if (examples.isEmpty()) {
            throw ApiException.invalidField("examples", "invalid_value");
        }
        if (examples.size() > MAX_EXAMPLES) {
            throw ApiException.invalidField("examples", "too_long");
        }
        WorkspaceIntents.Intent updated = new WorkspaceIntents.Intent(
                name,
                change.description() != null ? validDescription(change.description()) : current.description(),
                List.copyOf(examples),
                current.createdAt(),
                clock.instant());
        workspaceIntents.update(caller.workspaceId(), caller.mode(), updated);
        retrain(caller);
        return view(updated);
    }

    record Deleted(String name, boolean deleted) {}

    @DeleteMapping("/v1/intents/{name}")
    @RequiresScope(Scope.SETTINGS_WRITE)
    Deleted delete(Caller caller, @PathVariable String name) {
        if (builtIn.containsKey(name)) {
            throw conflict(name, "built_in");
        }
        if (!workspaceIntents.delete(caller.workspaceId(), caller.mode(), name)) {
            throw ApiException.notFound("intent", name);
        }
        retrain(caller);
        return new Deleted(name, true);
    }

    private void retrain(Caller caller) {
        understanding.refresh(caller.workspaceId(), caller.mode());
        CompletableFuture.runAsync(() -> understanding.classifier(caller.workspaceId(), caller.mode()));
    }

    private WorkspaceIntents.Intent custom(Caller caller, String name) {
        return workspaceIntents
                .find(caller.workspaceId(), caller.mode(), name)
                .orElseThrow(() -> ApiException.notFound("intent", name));
    }

    private static IntentView view(WorkspaceIntents.Intent intent) {
        return new IntentView(
                intent.name(),
                intent.description(),
                false,
                intent.examples().size(),
                intent.examples(),
                intent.updatedAt());
    }

    private static String validName(String name) {
        if (name == null || name.isBlank()) {
            throw ApiException.missingField("name");
        }
        if (!name.matches("[a-z][a-z0-9_]{1,63}")) {
            throw ApiException.invalidField("name", "invalid_format");
        }
        return name;
    }

    private static String validDescription(String description) {
        if (description != null && description.length() > 500) {
            throw ApiException.invalidField("description", "too_long");
        }
        return description;
    }

    private static List<String> validExamples(List<String> examples, String field) {
        if (examples == null || examples.isEmpty()) {
            throw ApiException.missingField(field);
        }
        if (examples.size() > MAX_EXAMPLES) {
            throw ApiException.invalidField(field, "too_long");
        }
        Set<String> clean = new LinkedHashSet<>();
        for (String example : examples) {
            if (example == null || example.isBlank()) {
                throw ApiException.invalidField(field, "invalid_value");
            }
            if (example.length() > 500) {
                throw ApiException.invalidField(field, "too_long");
            }
            clean.add(example.strip());
        }
        return List.copyOf(clean);
    }

    private static ApiException conflict(String name, String reason) {
        return new ApiException(ErrorCode.CONFLICT, null, Map.of("name", name, "reason", reason));
    }
}
