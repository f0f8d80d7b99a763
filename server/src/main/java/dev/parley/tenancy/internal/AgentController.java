package dev.parley.tenancy.internal;

import dev.parley.platform.Caller;
import dev.parley.platform.RequiresScope;
import dev.parley.platform.Scope;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The team (seed 003's agents): invite, list with each agent's load, get, change, deactivate. Reading needs
 * {@code conversations:read} (every agent sees the team); changing needs {@code agents:write}, except an agent
 * setting their own presence.
 */
@RestController
class AgentController {

    private final Team team;

    AgentController(Team team) {
        this.team = team;
    }

    record InviteRequest(String name, String email, String role, String status, Integer capacity, String password) {}

    record ChangeRequest(String name, String role, String status, Integer capacity) {}

    record AgentView(
            String id,
            String name,
            String email,
            String role,
            String status,
            int capacity,
            boolean active,
            int activeChats,
            long totalChats,
            Instant createdAt,
            Instant updatedAt) {

        static AgentView of(Team.Member member) {
            var a = member.agent();
            return new AgentView(
                    a.id(),
                    a.name(),
                    a.email(),
                    a.role(),
                    a.status(),
                    a.capacity(),
                    a.active(),
                    member.workload().active(),
                    member.workload().total(),
                    a.createdAt(),
                    a.updatedAt());
        }
    }

    record AgentList(List<AgentView> data) {}

    @PostMapping("/v1/agents")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresScope(Scope.AGENTS_WRITE)
    AgentView invite(Caller caller, @RequestBody InviteRequest request) {
        return AgentView.of(team.invite(
                caller,
                new Team.Invitation(
                        request.name(),
                        request.email(),
                        request.role(),
                        request.status(),
                        request.capacity(),
                        request.password())));
    }

    @GetMapping("/v1/agents")
    @RequiresScope(Scope.CONVERSATIONS_READ)
    AgentList list(
            Caller caller, @RequestParam(name = "include_inactive", defaultValue = "false") boolean includeInactive) {
        return new AgentList(
                team.list(caller, includeInactive).stream().map(AgentView::of).toList());
    }

    @GetMapping("/v1/agents/{agent_id}")
    @RequiresScope(Scope.CONVERSATIONS_READ)
    AgentView get(Caller caller, @PathVariable("agent_id") String id) {
        return AgentView.of(team.get(caller, id));
    }

    @PatchMapping("/v1/agents/{agent_id}")
    @RequiresScope(Scope.CONVERSATIONS_READ)
    AgentView change(Caller caller, @PathVariable("agent_id") String id, @RequestBody ChangeRequest request) {
        return AgentView.of(team.change(
                caller, id, new Team.Changes(request.name(), request.role(), request.status(), request.capacity())));
    }

    @DeleteMapping("/v1/agents/{agent_id}")
    @RequiresScope(Scope.AGENTS_WRITE)
    AgentView deactivate(Caller caller, @PathVariable("agent_id") String id) {
        return AgentView.of(team.deactivate(caller, id));
    }
}
