package dev.parley.tenancy.internal;

import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.EmailAddresses;
import dev.parley.platform.ErrorCode;
import dev.parley.platform.Ids;
import dev.parley.platform.Mode;
import dev.parley.platform.Scope;
import dev.parley.tenancy.Agent;
import dev.parley.tenancy.AgentDeactivated;
import dev.parley.tenancy.AgentWorkloads;
import dev.parley.tenancy.Agents;
import dev.parley.tenancy.ConsoleSessionEnded;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A workspace's console users (agents and admins): invited with a first password, changed, deactivated, signed in
 * and out. A sign-in gives a random console token, stored only as a hash, that authenticates later requests as that
 * user. Known and unknown emails are answered alike: each attempt is claimed before one password hash is checked, and
 * {@link #MAX_FAILED_LOGINS} attempts without a success lock the email for {@link #LOCKOUT} (see {@link SignInAttempts}),
 * counted in the database so every node sees the same count.
 */
@Service
class Team implements Agents, dev.parley.tenancy.ConsoleAccounts {

    static final int MAX_FAILED_LOGINS = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(15);
    static final String TOKEN_PREFIX = "ct_";
    static final Set<String> ROLES = Set.of("admin", "agent");
    static final Set<String> STATUSES = Set.of("online", "away", "offline");
    static final int DEFAULT_CAPACITY = 5;
    static final int MAX_CAPACITY = 100;
    private static final Pattern TOKEN = Pattern.compile("ct_[A-Za-z0-9]{40}");

    /** What a signed-in agent may do: work conversations and read what helps answer them. */
    static final Set<Scope> AGENT_SCOPES = EnumSet.of(
            Scope.CONVERSATIONS_READ,
            Scope.CONVERSATIONS_WRITE,
            Scope.CONVERSATIONS_ESCALATE,
            Scope.KNOWLEDGE_READ,
            Scope.ANALYTICS_READ);

    private final AgentRows agentRows;
    private final SignInAttempts attempts;
    private final WorkspaceRepository workspaces;
    private final Passwords passwords;
    private final AgentWorkloads workloads;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final TenancyProperties properties;
    private final Clock clock;

    Team(
            AgentRows agentRows,
            SignInAttempts attempts,
            WorkspaceRepository workspaces,
            Passwords passwords,
            AgentWorkloads workloads,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            TenancyProperties properties,
            Clock clock) {
        this.agentRows = agentRows;
        this.attempts = attempts;
        this.workspaces = workspaces;
        this.passwords = passwords;
        this.workloads = workloads;
        this.transactions = transactions;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    record Invitation(String name, String email, String role, String status, Integer capacity, String password) {}

    record Changes(String name, String role, String status, Integer capacity) {}

    /** A console user and what they hold. */
    record Member(Agent agent, AgentWorkloads.Workload workload) {}

    record SignedIn(String token, Instant expiresAt, Agent agent) {}

    Member invite(Caller caller, Invitation invitation) {
        caller.requireLiveMode();
        String email = email(invitation.email());
        String password = invitation.password();
        if (password == null || password.isEmpty()) {
            throw ApiException.missingField("password");
        }
        if (password.length() < Passwords.MIN_LENGTH || password.length() > Passwords.MAX_LENGTH) {
            throw ApiException.invalidField("password", "out_of_range");
        }
        Instant now = clock.instant();
        Agent agent = new Agent(
                Ids.next("agent"),
                caller.workspaceId(),
                name(invitation.name(), true),
                email,
                role(invitation.role(), "agent"),
                status(invitation.status(), "offline"),
                capacity(invitation.capacity(), DEFAULT_CAPACITY),
                true,
                null,
                now,
                now);
        if (agentRows.emailTaken(email)) {
            throw emailTaken(email);
        }
        String hash = passwords.hash(password);
        try {
            agentRows.insert(agent, hash);
        } catch (DuplicateKeyException raced) {
            throw emailTaken(email);
        }
        return new Member(agent, new AgentWorkloads.Workload(0, 0));
    }

    List<Member> list(Caller caller, boolean includeInactive) {
        Map<String, AgentWorkloads.Workload> loads = workloads.of(caller.workspaceId());
        return agentRows.list(caller.workspaceId(), includeInactive).stream()
                .map(a -> new Member(a, loads.getOrDefault(a.id(), new AgentWorkloads.Workload(0, 0))))
                .toList();
    }

    Member get(Caller caller, String id) {
        Agent agent = agent(caller, id);
        return new Member(
                agent, workloads.of(caller.workspaceId()).getOrDefault(id, new AgentWorkloads.Workload(0, 0)));
    }

    /** An agent may change their own presence; everything else needs {@code agents:write}. */
    Member change(Caller caller, String id, Changes changes) {
        Agent current = agent(caller, id);
        boolean onlyOwnStatus = id.equals(caller.agentId())
                && changes.name() == null
                && changes.role() == null
                && changes.capacity() == null;
        if (!onlyOwnStatus) {
            caller.require(Scope.AGENTS_WRITE);
            caller.requireLiveMode();
        }
        if (!current.active()) {
            throw new ApiException(ErrorCode.CONFLICT, null, Map.of("agent_id", id, "active", false));
        }
        Agent changed = new Agent(
                current.id(),
                current.workspaceId(),
                changes.name() == null ? current.name() : name(changes.name(), true),
                current.email(),
                role(changes.role(), current.role()),
                status(changes.status(), current.status()),
                capacity(changes.capacity(), current.capacity()),
                true,
                current.lastAssignedAt(),
                current.createdAt(),
                clock.instant());
        agentRows.update(changed);
        return get(caller, id);
    }

    /** Deactivates a console user: they can no longer sign in, and the conversations they held are released. */
    Member deactivate(Caller caller, String id) {
        caller.requireLiveMode();
        Agent current = agent(caller, id);
        if (current.active()) {
            transactions.executeWithoutResult(tx -> {
                agentRows.deactivate(caller.workspaceId(), id, clock.instant());
                events.publishEvent(new AgentDeactivated(caller.workspaceId(), id));
            });
        }
        return get(caller, id);
    }

    SignedIn signIn(String rawEmail, String password, String rawMode) {
        if (rawEmail == null || rawEmail.isBlank()) {
            throw ApiException.missingField("email");
        }
        if (password == null || password.isEmpty()) {
            throw ApiException.missingField("password");
        }
        Mode mode = switch (rawMode == null ? "live" : rawMode) {
            case "live" -> Mode.LIVE;
            case "test" -> Mode.TEST;
            default -> throw ApiException.invalidField("mode", "invalid_value");
        };
        Instant now = clock.instant();
        String email = rawEmail.strip().toLowerCase(Locale.ROOT);
        // Known and unknown emails go the same way: a claimed attempt, one hash check, the same answers and lockout.
        Optional<Instant> locked = attempts.claim(email, MAX_FAILED_LOGINS, now, now.plus(LOCKOUT));
        if (locked.isPresent()) {
            long seconds = Math.max(1, Duration.between(now, locked.get()).toSeconds());
            throw ApiException.retryLater(ErrorCode.RATE_LIMITED, "error.rate_limited.sign_in", seconds);
        }
        Optional<AgentRows.Credentials> found = agentRows.credentials(email);
        boolean usable = found.isPresent() && found.get().agent().active();
        boolean matches = passwords.matches(password, usable ? found.get().passwordHash() : null);
        if (!usable || !matches) {
            throw new ApiException(ErrorCode.INVALID_CREDENTIALS, null, Map.of("reason", "invalid_credentials"));
        }
        attempts.succeeded(email);
        Agent agent = found.get().agent();
        String token = TOKEN_PREFIX + Ids.random(40);
        Instant expires = now.plus(properties.consoleTokenTtl());
        transactions.executeWithoutResult(tx -> {
            agentRows.insertSession(
                    Ids.next("csess"), agent.workspaceId(), agent.id(), mode, ApiKey.hash(token), expires, now);
            if (agent.status().equals("offline")) {
                agentRows.update(withStatus(agent, "online", now));
            }
        });
        return new SignedIn(
                token, expires, agentRows.find(agent.workspaceId(), agent.id()).orElseThrow());
    }

    @Override
    public void signOut(Caller caller) {
        if (!caller.isAgent()) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, null, Map.of("reason", "not_a_console_token"));
        }
        Instant now = clock.instant();
        transactions.executeWithoutResult(tx -> {
            agentRows.endSession(caller.keyId(), now);
            events.publishEvent(new ConsoleSessionEnded(caller.workspaceId(), caller.keyId()));
            agentRows
                    .find(caller.workspaceId(), caller.agentId())
                    .ifPresent(agent -> agentRows.update(withStatus(agent, "offline", now)));
        });
    }

    @Override
    public Session signIn(String email, String password) {
        SignedIn signedIn = signIn(email, password, "live");
        return new Session(signedIn.token(), signedIn.expiresAt(), signedIn.agent());
    }

    @Override
    public Agent presence(Caller caller, String status) {
        if (!caller.isAgent()) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, null, Map.of("reason", "not_a_console_token"));
        }
        return change(caller, caller.agentId(), new Changes(null, null, status(status, null), null))
                .agent();
    }

    /** The first admin console user of a new installation; call inside the bootstrap transaction. */
    Agent bootstrapAdmin(String workspaceId, String email, String password) {
        Instant now = clock.instant();
        Agent admin = new Agent(
                Ids.next("agent"),
                workspaceId,
                "Admin",
                email,
                "admin",
                "offline",
                DEFAULT_CAPACITY,
                true,
                null,
                now,
                now);
        agentRows.insert(admin, passwords.hash(password));
        return admin;
    }

    /** The caller a console token stands for, or empty when it is unknown, expired, ended or its user deactivated. */
    Optional<Caller> resolve(String token) {
        if (!TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return agentRows
                .session(ApiKey.hash(token), clock.instant())
                .flatMap(session -> workspaces
                        .find(session.workspaceId())
                        .map(workspace -> new Caller(
                                workspace.id(),
                                session.mode(),
                                session.id(),
                                Caller.KeyKind.SECRET,
                                session.agent().isAdmin() ? Scope.secretDefaults() : AGENT_SCOPES,
                                workspace.hourlyQuota(),
                                null,
                                session.agent().id())));
    }

    /** Whether a console caller's session still holds: not ended, not expired, its user not deactivated. */
    boolean sessionActive(Caller caller) {
        return agentRows.sessionActive(caller.keyId(), clock.instant());
    }

    static boolean isConsoleToken(String token) {
        return token.startsWith(TOKEN_PREFIX);
    }

    @Override
    public List<Agent> all(String workspaceId) {
        return agentRows.list(workspaceId, true);
    }

    @Override
    public Optional<Agent> find(String workspaceId, String agentId) {
        return agentId == null ? Optional.empty() : agentRows.find(workspaceId, agentId);
    }

    @Override
    public List<Agent> lockOnline(String workspaceId) {
        return agentRows.lockOnline(workspaceId);
    }

    @Override
    public void assigned(String workspaceId, String agentId, Instant at) {
        agentRows.assigned(workspaceId, agentId, at);
    }

    private Agent agent(Caller caller, String id) {
        return agentRows.find(caller.workspaceId(), id).orElseThrow(() -> ApiException.notFound("agent", id));
    }

    private static Agent withStatus(Agent a, String status, Instant at) {
        return new Agent(
                a.id(),
                a.workspaceId(),
                a.name(),
                a.email(),
                a.role(),
                status,
                a.capacity(),
                a.active(),
                a.lastAssignedAt(),
                a.createdAt(),
                at);
    }

    private static ApiException emailTaken(String email) {
        return new ApiException(ErrorCode.CONFLICT, "error.conflict.email_taken", Map.of("email", email), email);
    }

    private static String email(String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.missingField("email");
        }
        String email = value.strip().toLowerCase(Locale.ROOT);
        if (email.length() > 254 || !EmailAddresses.wellFormed(email)) {
            throw ApiException.invalidField("email", "invalid_format");
        }
        return email;
    }

    private static String name(String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw ApiException.missingField("name");
            }
            return null;
        }
        if (value.strip().length() > 200) {
            throw ApiException.invalidField("name", "too_long");
        }
        return value.strip();
    }

    /** Seed 003 calls agents operators: {@code operator} is read as {@code agent}. */
    private static String role(String value, String fallback) {
        if (value == null) {
            return fallback;
        }
        String role = value.equals("operator") ? "agent" : value;
        if (!ROLES.contains(role)) {
            throw ApiException.invalidField("role", "invalid_value");
        }
        return role;
    }

    private static String status(String value, String fallback) {
        if (value == null) {
            return fallback;
        }
        if (!STATUSES.contains(value)) {
            throw ApiException.invalidField("status", "invalid_value");
        }
        return value;
    }

    private static int capacity(Integer value, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value < 1 || value > MAX_CAPACITY) {
            throw ApiException.invalidField("capacity", "out_of_range");
        }
        return value;
    }
}
