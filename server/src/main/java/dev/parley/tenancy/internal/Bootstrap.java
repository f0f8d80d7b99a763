package dev.parley.tenancy.internal;

import dev.parley.platform.Caller.KeyKind;
import dev.parley.platform.Ids;
import dev.parley.platform.Mode;
import dev.parley.platform.Sql;
import dev.parley.tenancy.DemoWorkspaceCreated;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the first start of an installation, creates the default workspace and its admin key, and says once where
 * Parley answers and what the key is. The first node to claim the "bootstrapped" fact does it; the others skip.
 * The key is made once every bean is ready but before the web server listens, so a client that waits for
 * {@code /health} and then uses the key is let in; the banner waits for the port.
 */
@Component
class Bootstrap implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);
    private static final String CONSOLE_EMAIL = "admin@parley.local";

    private final WorkspaceService workspaceService;
    private final TenancyProperties properties;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Environment environment;
    private final Team team;
    private final ApplicationEventPublisher events;

    private String secret;
    private boolean generated;
    private String consolePassword;
    private boolean created;

    Bootstrap(
            WorkspaceService workspaceService,
            TenancyProperties properties,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Clock clock,
            Environment environment,
            Team team,
            ApplicationEventPublisher events) {
        this.team = team;
        this.events = events;
        this.workspaceService = workspaceService;
        this.properties = properties;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.environment = environment;
    }

    @Override
    public void afterSingletonsInstantiated() {
        String given = properties.bootstrapAdminKey();
        generated = given == null || given.isBlank();
        secret = generated ? ApiKey.newSecret(KeyKind.SECRET, Mode.LIVE) : given.strip();
        if (!ApiKey.FORMAT.matcher(secret).matches() || !secret.startsWith("sk_")) {
            throw new IllegalStateException(
                    "PARLEY_BOOTSTRAP_ADMIN_KEY must look like sk_live_ or sk_test_ followed by 32 letters or digits");
        }
        consolePassword = Ids.random(20);
        created = Boolean.TRUE.equals(transactions.execute(status -> {
            try {
                jdbc.sql("INSERT INTO installation_facts (name, created_at) VALUES ('bootstrapped', ?)")
                        .param(Sql.timestamp(clock.instant()))
                        .update();
            } catch (DuplicateKeyException alreadyDone) {
                return false;
            }
            WorkspaceService.Created created =
                    workspaceService.createBootstrap(properties.bootstrapStoreName(), secret);
            team.bootstrapAdmin(created.workspace().id(), CONSOLE_EMAIL, consolePassword);
            events.publishEvent(new DemoWorkspaceCreated(created.workspace().id()));
            log.info(
                    "Created workspace {} ({})",
                    created.workspace().id(),
                    created.workspace().name());
            return true;
        }));
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        String url = "http://localhost:" + port;
        StringBuilder banner =
                new StringBuilder("\n\n  Parley is running at ").append(url).append('\n');
        banner.append("  API description: ").append(url).append("/docs\n");
        banner.append("  Agent console: ").append(url).append("/console\n");
        if (created) {
            banner.append("  Console admin (password shown once): ")
                    .append(CONSOLE_EMAIL)
                    .append(" / ")
                    .append(consolePassword)
                    .append('\n');
            banner.append(
                    generated
                            ? "  Admin API key (shown once, keep it safe): " + secret + "\n"
                            : "  Admin API key: the value of PARLEY_BOOTSTRAP_ADMIN_KEY\n");
            banner.append("  Try: curl -H 'Authorization: Bearer <key>' ")
                    .append(url)
                    .append("/v1/stores\n");
        } else {
            banner.append("  Admin API key: the one printed at this installation's first start\n");
        }
        System.out.println(banner);
        // Shown once; not kept in memory for the node's lifetime.
        secret = null;
        consolePassword = null;
    }
}
