package dev.parley.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.support.TestClock;
import dev.parley.support.TestSite;
import dev.parley.tenancy.internal.TenancyFixtures;
import dev.parley.tenancy.internal.TenancyFixtures.TestWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The widget and the console in Debian's headless Chromium (one browser for the class): a shopper on a store page
 * served from loopback, an agent in the console, keyboard-only use, inert script, a refused domain, session expiry
 * and CSRF. Writes screenshots to {@code docs/screenshots/}.
 */
@ApiTest
@Tag("browser")
class BrowserTests {

    static final String PASSWORD = "correct horse battery";
    static final Path SCREENSHOTS = Paths.get("..", "docs", "screenshots");

    static Playwright playwright;
    static Browser browser;
    static TestSite site;

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    TestWorkspace workspace;
    Api api;
    String publishable;
    BrowserContext shopper;
    BrowserContext agent;

    @BeforeAll
    static void launch() throws Exception {
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Paths.get("/usr/bin/chromium"))
                        .setArgs(List.of(
                                "--headless",
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")));
        site = TestSite.on("127.0.0.1");
    }

    @AfterAll
    static void close() {
        if (site != null) {
            site.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        workspace = fixtures.workspace("enterprise", "127.0.0.1:" + site.port());
        api = Api.at(port).withKey(workspace.liveKey());
        publishable = fixtures.publishableKey(workspace.id());
        addArticle(
                "Shipping policy",
                "We ship worldwide. Standard shipping takes 3 to 5 business days and is free over 50 dollars.");
        shopper = browser.newContext(
                new Browser.NewContextOptions().setLocale("en-US").setViewportSize(1440, 900));
        agent = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900));
        cspViolations.clear();
        // Chromium reports each thing the console's Content-Security-Policy blocked as a console message.
        agent.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                cspViolations.add(message.text());
            }
        });
        Files.createDirectories(SCREENSHOTS);
    }

    /** What the console's CSP refused during a test: always nothing, or a page relies on inline code. */
    final List<String> cspViolations = new java.util.concurrent.CopyOnWriteArrayList<>();

    @AfterEach
    void tearDown() {
        assertThat(cspViolations)
                .as("Content-Security-Policy violations in the console")
                .isEmpty();
        TestClock.shared().resume();
        shopper.close();
        agent.close();
    }

    String shopPage(String path, String key) {
        site.html(path, """
                <!DOCTYPE html><html lang="en"><head><title>Test shop</title></head>
                <body><h1>Test shop</h1><p>Everything you need.</p>
                <script>window.ParleyConfig = { apiKey: '%s', greeting: 'Hi! How can I help you today?' };</script>
                <script src="http://127.0.0.1:%d/widget.js" async></script></body></html>""".formatted(key, port));
        return site.url(path);
    }

    String newAgent(String name, String role) {
        String email = "agent-" + UUID.randomUUID() + "@shop.example";
        Api.Response created =
                api.post("/v1/agents", Map.of("name", name, "email", email, "password", PASSWORD, "role", role));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        lastAgentId = created.json().path("id").asString();
        return email;
    }

    /** The id of the agent {@link #newAgent} made last. */
    String lastAgentId;

    Page signIn(String email) {
        Page page = agent.newPage();
        Response login = page.navigate("http://127.0.0.1:" + port + "/console");
        assertThat(page).hasURL(Pattern.compile(".*/console/login$"));
        assertThat(login.headers().get("content-security-policy")).contains("script-src 'self'");
        assertThat(login.headers().get("content-security-policy")).contains("frame-ancestors 'none'");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Inbox")))
                .isVisible();
        return page;
    }

    @Test
    void aShopperAsksGetsAnAnswerWithItsSourceAsksForAHumanAndRatesTheAgentsHelp() {
        String email = newAgent("Dilnoza", "admin");
        openAllDay();
        Page shop = shopper.newPage();
        shop.navigate(shopPage("/shop", publishable));

        // the shopper asks
        shop.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open chat"))
                .click();
        shop.getByLabel("Your message").fill("How long does shipping take?");
        shop.getByLabel("Your message").press("Enter");
        Locator log = shop.getByRole(AriaRole.LOG);
        assertThat(log.locator(".b.assistant").last()).containsText("business days");
        assertThat(log.locator("ul.src").first()).containsText("Shipping policy");
        // the source is named once, as a link under the reply, not again in its text
        assertThat(log.locator(".b.assistant").last()).not().containsText("Source: Shipping policy");
        assertThat(log.getByText("Shipping policy")).hasCount(1);
        // icons are drawn, never a glyph that a font may lack
        Locator attach = shop.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Attach a file"));
        assertThat(attach.locator("svg")).hasCount(1);
        assertThat(attach).hasText("");
        assertThat(shop.locator(".offline-message")).hasCount(0);
        assertNoSeriousAccessibilityProblems(shop, "widget");
        shop.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("widget.png")));

        // and asks for a human: the team's notice says so, once
        shop.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Talk to a human"))
                .click();
        assertThat(log).containsText("connected you with our support team");
        assertThat(log).not().containsText("You are being connected");

        // the agent sees it arrive, replies and resolves
        Page console = signIn(email);
        Locator row = console.locator(".conversation-row").filter(new Locator.FilterOptions().setHasText("escalated"));
        assertThat(row).hasCount(1);
        console.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("console-inbox.png")));
        row.getByRole(AriaRole.LINK).click();
        assertThat(console.locator("#transcript")).containsText("How long does shipping take?");
        // the agent, too, reads the source once, under the reply
        Locator answer =
                console.locator(".msg.assistant").filter(new Locator.FilterOptions().setHasText("business days"));
        assertThat(answer.locator(".sources")).containsText("Shipping policy");
        assertThat(answer.locator(".content")).not().containsText("Shipping policy");
        // typing both ways: the agent's reaches the widget, the customer's the console. Typing is live only (a
        // signal sent before the console's event stream is connected is gone), and the widget sends one every 3 s
        assertThat(console.locator("body")).hasAttribute("data-live", "connected");
        console.getByLabel("Reply to the customer").pressSequentially("Hello");
        assertThat(shop.getByText("Typing…")).isVisible();
        shop.getByLabel("Your message").pressSequentially("Thanks");
        assertThat(console.locator("#customer-typing")).isVisible();
        shop.getByLabel("Your message").fill("");
        console.getByLabel("Reply to the customer").fill("Hello, Dilnoza here: your parcel leaves today.");
        console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send reply"))
                .click();
        assertThat(console.locator("#transcript")).containsText("your parcel leaves today");
        console.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("console-conversation.png")));
        console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resolve"))
                .click();
        assertThat(console.locator(".status")).hasText("resolved");

        // the shopper sees the reply and rates it
        assertThat(log).containsText("your parcel leaves today");
        shop.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rate 5 out of 5"))
                .click();
        assertThat(log).containsText("Thank you for your feedback!");
        console.reload();
        assertThat(console.locator(".csat")).hasText("5");

        console.navigate("http://127.0.0.1:" + port + "/console/widget");
        assertThat(console.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Widget & triggers")))
                .isVisible();
        console.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("console-widget.png")));
    }

    @Test
    void anAgentWorksTheInboxWithSearchOrdersSavedRepliesADraftKeysAndNotifications() {
        // given a store with its orders, a saved reply and two customers writing in
        String email = newAgent("Malika", "admin");
        String malika = lastAgentId;
        Api.Response connected = api.send("PUT", "/v1/store/connection", Map.of("platform", "demo"));
        assertThat(connected.status()).as(connected.toString()).isEqualTo(200);
        Api.Response saved = api.post(
                "/v1/saved-replies",
                Map.of(
                        "shortcut",
                        "thanks",
                        "content",
                        "Thank you {{customer.first_name}}, order {{order.number}} is on its way."));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
        String jane = customerWrites(
                "Jane Doe", "jane@example.com", "Is order 1001 on its way? How long does shipping take?");
        customerWrites("Tom Brown", "tom@example.com", "Do you have gift wrapping?");

        // the list: initials, name, preview, time, status, channel, unread
        Page console = signIn(email);
        Locator janeRow =
                console.locator(".conversation-row").filter(new Locator.FilterOptions().setHasText("Jane Doe"));
        assertThat(janeRow.locator(".avatar")).hasText("JD");
        assertThat(janeRow.locator(".preview")).not().isEmpty();
        assertThat(janeRow.locator("time.ago")).hasAttribute("title", Pattern.compile("\\d{4}"));
        assertThat(janeRow).hasClass(Pattern.compile("unread"));
        assertThat(janeRow.locator(".channel svg")).hasCount(1);
        assertNoSeriousAccessibilityProblems(console, "the inbox");
        console.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("console-inbox.png")));

        // full-text search finds a message's words and a name, and nothing else
        console.getByLabel("Search conversations").fill("gift wrapping");
        console.getByLabel("Search conversations").press("Enter");
        assertThat(console.locator(".conversation-row")).hasCount(1);
        assertThat(console.locator(".conversation-row")).containsText("Tom Brown");
        console.getByLabel("Search conversations").fill("no such words anywhere");
        console.getByLabel("Search conversations").press("Enter");
        assertThat(console.locator(".conversations")).containsText("No conversations.");

        // the conversation with the customer panel: orders with status and tracking, the assistant's reading in words
        console.navigate(console("/console/conversations/" + jane));
        Locator orders = console.locator(".orders");
        Api.Response theirs = api.get("/v1/orders?customer_email=jane@example.com&per_page=5");
        assertThat(theirs.status()).as(theirs.toString()).isEqualTo(200);
        assertThat(orders.locator(".order strong").first())
                .hasText("#"
                        + theirs.json().path("data").get(0).path("order_number").asString());
        assertThat(orders.locator(".order")).hasCount(theirs.json().path("data").size());
        assertThat(orders.locator(".order-status").first()).not().isEmpty();
        assertThat(console.locator(".reading")).containsText("Asks about");
        Locator transcript = console.locator("#transcript");
        assertThat(transcript).not().containsText("timings");
        assertThat(transcript).not().containsText("(executed)");
        assertThat(transcript.locator("time").first()).not().containsText("T");
        // a short message is a short bubble: no template indentation rendered as blank lines
        Object height =
                console.evaluate("() => document.querySelector('.msg.user .bubble').getBoundingClientRect().height");
        assertThat(((Number) height).doubleValue()).isLessThan(120);

        // a saved reply by its shortcut, filled for this customer
        Locator reply = console.getByLabel("Reply to the customer");
        reply.click();
        reply.pressSequentially("/tha");
        assertThat(console.getByRole(AriaRole.LISTBOX, new Page.GetByRoleOptions().setName("Saved replies"))
                        .getByRole(AriaRole.OPTION))
                .containsText("/thanks");
        reply.press("Enter");
        assertThat(reply).hasValue("Thank you Jane, order 1001 is on its way.");

        // the copilot drafts from the knowledge it names; nothing is sent
        int before = transcript.locator(".msg").count();
        reply.fill("");
        console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Draft reply with AI"))
                .click();
        assertThat(reply).hasValue(Pattern.compile("Hi Jane,.*business days", Pattern.DOTALL));
        assertThat(console.locator(".draft-source-list")).containsText("Shipping policy");
        assertThat(transcript.locator(".msg")).hasCount(before);
        assertThat(api.get("/v1/conversations/" + jane).json().path("messages").size())
                .isEqualTo(2);
        assertNoSeriousAccessibilityProblems(console, "a conversation");
        console.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("console-conversation.png")));

        // keys: a assigns to me, r goes to the reply, e resolves; assigning reads as an activity line
        reply.fill("");
        console.locator("body").press("Escape");
        console.keyboard().press("a");
        assertThat(console.locator(".assignee")).hasText("Malika");
        assertThat(transcript.locator(".activity")).containsText(new String[] {"Assigned to Malika"});
        // taken off her, it says so; then she takes it back
        console.getByLabel("Assign to").selectOption("");
        console.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Assign").setExact(true))
                .click();
        assertThat(console.locator(".assignee")).hasText("nobody");
        assertThat(transcript.locator(".activity").last()).containsText("Malika was unassigned");
        console.keyboard().press("a");
        assertThat(console.locator(".assignee")).hasText("Malika");
        assertThat(transcript.locator(".activity").last()).containsText("Assigned to Malika");
        console.keyboard().press("r");
        assertThat(reply).isFocused();
        reply.press("Escape");
        console.keyboard().press("e");
        assertThat(console.locator(".status")).hasText("resolved");
        console.keyboard().press("k");
        assertThat(console).hasURL(Pattern.compile(".*/console/conversations/conv_.*"));

        // a conversation newly assigned to me rings and notifies
        String agentId = malika;
        String third = customerWrites("Aziza Karimova", "aziza@example.com", "Can I change my address?");
        console.navigate(console("/console"));
        console.waitForFunction("() => document.body.getAttribute('data-live') === 'connected'");
        Api.Response assigned = api.patch("/v1/chats/" + third, Map.of("assigned_to", agentId));
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        console.waitForFunction("id => (window.parleyNotified || []).some(n => n.conversation_id === id)", third);
    }

    /**
     * A customer's first message through the API. The first turn of a new workspace trains its intents, which on a
     * loaded machine can take longer than the API helper waits, so this request waits up to two minutes.
     */
    String customerWrites(String name, String email, String message) {
        com.microsoft.playwright.APIRequestContext http = playwright.request().newContext();
        try {
            com.microsoft.playwright.APIResponse created = http.post(
                    "http://127.0.0.1:" + port + "/v1/conversations",
                    RequestOptions.create()
                            .setHeader("Authorization", "Bearer " + workspace.liveKey())
                            .setData(Map.of(
                                    "channel", "widget",
                                    "customer_email", email,
                                    "customer_name", name,
                                    "initial_message", message))
                            .setTimeout(120_000));
            assertThat(created.status()).as(created.text()).isBetween(200, 201);
            return tools.jackson.databind.json.JsonMapper.builder()
                    .build()
                    .readTree(created.text())
                    .path("conversation_id")
                    .asString();
        } finally {
            http.dispose();
        }
    }

    @Test
    void anAgentFiltersTheInboxAndReadsAConversationsStoryWithNotesTagsAndTheCustomersEarlierConversation() {
        String email = newAgent("Sardor", "admin");
        // a visitor who gave no name, writing from a page of the shop (a new workspace's first turn can be slow)
        api.withTimeout(Duration.ofMinutes(2))
                .post(
                        "/v1/conversations",
                        Map.of(
                                "channel",
                                "widget",
                                "initial_message",
                                "Do you ship worldwide?",
                                "context",
                                Map.of("page_url", "https://shop.example/gifts")));
        // a customer who wrote before, was handed to the team, and writes again
        String earlier = customerWrites("Jane Doe", "jane@example.com", "Where is my parcel?");
        Api.Response escalated = api.post("/v1/conversations/" + earlier + "/escalate", Map.of("reason", "manual"));
        assertThat(escalated.status()).as(escalated.toString()).isEqualTo(200);
        String later = customerWrites("Jane Doe", "jane@example.com", "Do you have gift wrapping?");

        Page console = signIn(email);
        assertThat(console.locator(".conversation-row")).hasCount(3);
        assertThat(console.locator(".conversation-row .place")).hasText("Visitor · shop.example/gifts");

        // filters: only the conversation waiting for the team
        console.getByText("Filters").click();
        console.getByLabel("Status").selectOption("escalated");
        console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search"))
                .click();
        assertThat(console.locator(".conversation-row")).hasCount(1);
        assertThat(console.locator(".conversation-row")).containsText("Jane Doe");
        assertThat(console.locator(".conversation-row .row-status")).hasText("escalated");
        assertNoSeriousAccessibilityProblems(console, "the filtered inbox");

        // the later conversation names the earlier one; the escalation reads as an activity line there
        console.navigate(console("/console/conversations/" + later));
        Locator previous = console.locator(".previous a[href$='" + earlier + "']");
        assertThat(previous).hasCount(1);
        previous.click();
        assertThat(console).hasURL(Pattern.compile(".*/console/conversations/" + earlier + "$"));
        console.waitForLoadState();
        Locator transcript = console.locator("#transcript");
        assertThat(transcript.locator(".activity")).containsText(new String[] {"connected you with our support team"});

        // n writes a private note, which reads as one; tags show in the customer panel
        console.locator("body").press("Escape");
        console.keyboard().press("n");
        Locator note = console.getByLabel("Private note (agents only)");
        assertThat(note).isFocused();
        note.fill("Customer is a wholesale buyer, check the bulk discount.");
        console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add note"))
                .click();
        assertThat(transcript.locator(".msg.note")).containsText("wholesale buyer");
        assertThat(api.get("/v1/conversations/" + earlier)
                        .json()
                        .path("messages")
                        .toString())
                .contains("wholesale buyer");
        console.getByLabel("Tags, separated by commas").fill("vip, wholesale");
        console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save tags"))
                .click();
        assertThat(console.locator(".facts .badge")).hasText(new String[] {"vip", "wholesale"});
        assertNoSeriousAccessibilityProblems(console, "a conversation with a note and tags");

        // a customer's reply in a conversation I hold rings and notifies
        console.keyboard().press("a");
        assertThat(console.locator(".assignee")).hasText("Sardor");
        console.waitForFunction("() => document.body.getAttribute('data-live') === 'connected'");
        console.waitForFunction(
                "id => document.querySelector('.conversation-row[data-conversation=\"' + id + '\"]')"
                        + ".getAttribute('data-assigned') === document.querySelector('header').dataset.me",
                earlier);
        Api.Response wrote = api.post("/v1/conversations/" + earlier + "/messages", Map.of("content", "Any news?"));
        assertThat(wrote.status()).as(wrote.toString()).isEqualTo(200);
        console.waitForFunction(
                "id => (window.parleyNotified || []).some(n => n.conversation_id === id && n.title === 'The customer replied')",
                earlier);

        // j opens the next conversation in the list
        String next = (String) console.evaluate("""
                () => {
                  const all = [...document.querySelectorAll('.conversation-row a')];
                  const at = all.findIndex(a => a.getAttribute('aria-current') === 'page');
                  return at >= 0 && at < all.length - 1 ? all[at + 1].href : null;
                }""");
        assertThat(next).isNotNull().doesNotEndWith(earlier);
        console.keyboard().press("j");
        assertThat(console).hasURL(next);
    }

    @Test
    void anAgentManagesSavedRepliesInTheConsole() {
        Page page = signIn(newAgent("Oydin", "agent"));
        page.navigate(console("/console/saved-replies"));
        page.getByLabel("Shortcut").fill("hours");
        page.getByLabel("Text").fill("We answer from 9:00 to 18:00, {{customer.first_name}}.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add saved reply"))
                .click();
        Locator row = page.locator("tr.saved-row");
        assertThat(row).hasCount(1);
        assertThat(row.locator(".shortcut")).hasText("/hours");
        assertThat(api.get("/v1/saved-replies")
                        .json()
                        .path("data")
                        .get(0)
                        .path("shortcut")
                        .asString())
                .isEqualTo("hours");

        // a taken shortcut is refused with the reason, and the text kept
        page.getByLabel("Shortcut").fill("hours");
        page.getByLabel("Text").fill("Another text");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add saved reply"))
                .click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("hours");
        assertThat(page.getByLabel("Text")).hasValue("Another text");
        assertNoSeriousAccessibilityProblems(page, "saved replies");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("console-saved-replies.png")));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete /hours"))
                .click();
        assertThat(page.locator("tr.saved-row")).hasCount(0);
        assertThat(api.get("/v1/saved-replies").json().path("data")).isEmpty();
    }

    @Test
    void everyConsolePageHasNoSeriousAccessibilityProblemAndHoldsOnAPhone() {
        String id = customerWrites("Jane Doe", "jane@example.com", "Do you ship to Canada?");
        Page page = signIn(newAgent("Lola", "admin"));
        BrowserContext phone = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(390, 844)
                .setDeviceScaleFactor(1)
                .setIsMobile(true)
                .setHasTouch(true));
        try {
            phone.addCookies(agent.cookies());
            Page small = phone.newPage();
            for (String path : List.of(
                    "/console",
                    "/console/conversations/" + id,
                    "/console/saved-replies",
                    "/console/knowledge",
                    "/console/analytics",
                    "/console/widget",
                    "/console/settings",
                    "/console/api-keys",
                    "/console/webhooks",
                    "/console/integrations")) {
                page.navigate(console(path));
                assertNoSeriousAccessibilityProblems(page, path);
                small.navigate(console(path));
                assertNoSeriousAccessibilityProblems(small, path + " on a phone");
                // nothing wider than the phone's screen but what scrolls inside its own box
                Object overflow = small.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
                assertThat(((Number) overflow).intValue())
                        .as(path + " overflows the phone's width")
                        .isLessThanOrEqualTo(0);
                String name = path.equals("/console")
                        ? "inbox"
                        : path.startsWith("/console/conversations/")
                                ? "conversation"
                                : path.substring("/console/".length());
                small.screenshot(
                        new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("mobile-console-" + name + ".png")));
            }
            Page login = browser.newPage(new Browser.NewPageOptions().setViewportSize(390, 844));
            login.navigate(console("/console/login"));
            assertNoSeriousAccessibilityProblems(login, "sign-in");
            login.close();
        } finally {
            phone.close();
        }
    }

    @Test
    void aShopperAttachesAFileThroughTheFilesApiAndItsSignedLinkServesTheSameBytes() {
        byte[] png = java.util.Base64.getDecoder()
                .decode(
                        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
        Page shop = shopper.newPage();
        shop.navigate(shopPage("/attach", publishable));
        shop.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open chat"))
                .click();
        Locator attach = shop.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Attach a file"));
        Locator log = shop.getByRole(AriaRole.LOG);

        // before there is a conversation, the widget asks for a message first
        attach.click();
        assertThat(log).containsText("Send a message first.");
        shop.getByLabel("Your message").fill("My parcel arrived damaged, here is a photo");
        shop.getByLabel("Your message").press("Enter");
        // the widget keeps its conversation once the first message is answered
        shop.waitForFunction("() => Object.keys(localStorage).some(k => k.endsWith(':conversation'))");

        com.microsoft.playwright.FileChooser chooser = shop.waitForFileChooser(attach::click);
        String name = "damaged parcel <img src=x onerror=window.__pwned=1>.png";
        chooser.setFiles(new com.microsoft.playwright.options.FilePayload(name, "image/png", png));

        Locator attached = log.locator(".attachment a");
        // three requests in a row (upload URL, bytes, confirm): a generous wait for a loaded machine
        assertThat(attached)
                .hasText(
                        name,
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(20_000));
        assertThat(shop.evaluate("() => window.__pwned === undefined")).isEqualTo(true);
        String href = attached.getAttribute("href");
        com.microsoft.playwright.APIResponse download = shop.request().get(href);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(png);
        assertThat(download.headers().get("content-type")).startsWith("image/png");
    }

    @Test
    void whereTheStoreOffersItTheShopperChoosesAPersonBeforeWriting() {
        Api.Response enabled = api.patch("/v1/widget/config", Map.of("behavior", Map.of("pre_chat_choice", true)));
        assertThat(enabled.status()).as(enabled.toString()).isEqualTo(200);
        Page shop = shopper.newPage();
        shop.navigate(shopPage("/choice", publishable));
        shop.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open chat"))
                .click();
        Locator choice =
                shop.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Who would you like to talk to?"));
        assertThat(choice.getByRole(AriaRole.BUTTON)).hasCount(2);
        assertNoSeriousAccessibilityProblems(shop, "the widget's pre-chat choice");

        choice.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Talk to a person"))
                .click();
        assertThat(choice).hasCount(0);
        shop.getByLabel("Your message").fill("How long does shipping take?");
        shop.getByLabel("Your message").press("Enter");
        // straight to a person: the assistant does not answer (though it knows), the team's notice says when
        Locator log = shop.getByRole(AriaRole.LOG);
        assertThat(log).containsText("A person from our team will reply here, not the assistant.");
        assertThat(log.locator(".b.customer")).containsText("How long does shipping take?");
        assertThat(log.locator(".b.assistant")).hasCount(1);
        assertThat(log).not().containsText("business days");
        assertNoSeriousAccessibilityProblems(shop, "the widget waiting for a person");
        String id = (String) shop.evaluate(
                "() => localStorage.getItem(Object.keys(localStorage).find(k => k.endsWith(':conversation')))");
        tools.jackson.databind.JsonNode conversation =
                api.get("/v1/conversations/" + id).json();
        assertThat(conversation.path("status").asString()).isEqualTo("escalated");
        assertThat(conversation
                        .path("messages")
                        .valueStream()
                        .map(m -> m.path("role").asString()))
                .containsExactly("user", "system");

        // without the setting, nothing stands between the shopper and the input
        api.patch("/v1/widget/config", Map.of("behavior", Map.of("pre_chat_choice", false)));
        Page plain = shopper.newPage();
        plain.navigate(shopPage("/plain", fixtures.publishableKey(workspace.id())));
        plain.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open chat"))
                .click();
        assertThat(plain.getByRole(AriaRole.LOG).locator(".b.assistant").first())
                .isVisible();
        assertThat(plain.locator(".choice")).hasCount(0);
    }

    @Test
    void anAgentSendsAFileWithTheReplyAndTheShopperGetsIt() throws Exception {
        // given a shopper's conversation
        String email = newAgent("Dilnoza", "agent");
        openAllDay();
        Page shop = shopper.newPage();
        shop.navigate(shopPage("/files", publishable));
        shop.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open chat"))
                .click();
        shop.getByLabel("Your message").fill("Can you send me the invoice?");
        shop.getByLabel("Your message").press("Enter");
        Locator log = shop.getByRole(AriaRole.LOG);
        assertThat(log.locator(".b.assistant")).hasCount(2);
        String id = (String) shop.evaluate(
                "() => localStorage.getItem(Object.keys(localStorage).find(k => k.endsWith(':conversation')))");

        // when the agent attaches a file to the reply and sends it
        Page console = signIn(email);
        console.navigate(console("/console/conversations/" + id));
        // the conversation began on the shop's page, which its socket told
        assertThat(console.locator(".facts")).containsText("127.0.0.1/files");
        Locator attach = console.locator("label[for=reply-file]");
        assertThat(attach).hasText("Attach a file");
        assertThat(attach.locator("svg")).hasCount(1);
        // a file that is not what it says is refused with the reason, and nothing is sent
        console.getByLabel("Attach a file")
                .setInputFiles(new com.microsoft.playwright.options.FilePayload(
                        "photo.png", "image/png", "not a picture".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        console.getByLabel("Reply to the customer").fill("A photo of your parcel.");
        console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send reply"))
                .click();
        assertThat(console.locator(".error[role=alert]")).containsText("not the 'image/png' declared");
        assertThat(console.locator("#transcript")).not().containsText("A photo of your parcel.");
        console.getByLabel("Attach a file")
                .setInputFiles(new com.microsoft.playwright.options.FilePayload(
                        "invoice.txt",
                        "text/plain",
                        "Invoice 1001: 2 mugs, 24.00 USD.".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(console.locator("#reply-file-name")).hasText("Attached: invoice.txt");
        assertNoSeriousAccessibilityProblems(console, "the reply form with a file chosen");
        console.getByLabel("Reply to the customer").fill("Here is your invoice.");
        console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send reply"))
                .click();

        // then the console shows the file under the reply
        Locator sent =
                console.locator(".msg.agent").filter(new Locator.FilterOptions().setHasText("Here is your invoice."));
        assertThat(sent.locator(".attachments a")).hasText("invoice.txt");
        // the message carries it, attached to the conversation, and its link serves the bytes
        tools.jackson.databind.JsonNode message = api.get("/v1/conversations/" + id)
                .json()
                .path("messages")
                .valueStream()
                .filter(m -> m.path("role").asString().equals("agent"))
                .findFirst()
                .orElseThrow();
        tools.jackson.databind.JsonNode file = message.path("attachments").get(0);
        assertThat(file.path("filename").asString()).isEqualTo("invoice.txt");
        assertThat(file.path("type").asString()).isEqualTo("file");
        Api.Response stored = api.get("/v1/files/" + file.path("file_id").asString());
        assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
        assertThat(stored.json().path("chat_id").asString()).isEqualTo(id);
        java.net.http.HttpResponse<String> download = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create(file.path("url").asString()))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo("Invoice 1001: 2 mugs, 24.00 USD.");
        // and the shopper gets it with the reply, as a link
        Locator reply =
                log.locator(".b.assistant").filter(new Locator.FilterOptions().setHasText("Here is your invoice."));
        assertThat(reply.locator(".att a")).hasText("invoice.txt");
        assertThat(reply.locator(".att a"))
                .hasAttribute("href", file.path("url").asString());
        assertNoSeriousAccessibilityProblems(shop, "the widget with a file from the team");
        console.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("console-reply-with-file.png")));
    }

    @Test
    void theWidgetStreamsTheFirstReplyOfAConversationToo() {
        openAllDay();
        Page shop = shopper.newPage();
        // every frame the widget's socket receives, in order, beside every state of the growing reply
        shop.addInitScript("""
                (() => {
                  window.__timeline = [];
                  const Native = window.WebSocket;
                  function Recorded(url, protocols) {
                    const ws = protocols === undefined ? new Native(url) : new Native(url, protocols);
                    ws.addEventListener('message', e => {
                      try { window.__timeline.push({ frame: JSON.parse(e.data).type }); } catch (notJson) {}
                    });
                    return ws;
                  }
                  Recorded.prototype = Native.prototype;
                  ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'].forEach(k => { Recorded[k] = Native[k]; });
                  window.WebSocket = Recorded;
                })();""");
        List<String> posted = new java.util.concurrent.CopyOnWriteArrayList<>();
        shop.onRequest(request -> {
            if (request.method().equals("POST")) {
                posted.add(request.url());
            }
        });
        shop.navigate(shopPage("/first-streamed", publishable));
        shop.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open chat"))
                .click();
        shop.evaluate("""
                () => {
                  const root = document.getElementById('parley-widget').shadowRoot;
                  new MutationObserver(() => {
                    const draft = root.querySelector('.draft');
                    if (draft) window.__timeline.push({ draft: draft.textContent, busy: draft.getAttribute('aria-busy') });
                  }).observe(root, { subtree: true, childList: true, characterData: true });
                }""");

        // when the first message of the conversation is sent
        shop.getByLabel("Your message").fill("How long does shipping take?");
        shop.getByLabel("Your message").press("Enter");

        // then the reply grows in its bubble before the reply's own message frame comes, and is then the reply
        Locator log = shop.getByRole(AriaRole.LOG);
        assertThat(log.locator(".b.assistant").last()).containsText("business days");
        assertThat(log.locator(".draft")).hasCount(0);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> timeline = (List<Map<String, Object>>) shop.evaluate("() => window.__timeline");
        int replyFrame = indexOf(timeline, e -> "message".equals(e.get("frame")));
        int firstDelta = indexOf(timeline, e -> "message.delta".equals(e.get("frame")));
        int grown = indexOf(
                timeline,
                e -> e.get("draft") != null && e.get("draft").toString().length() > "Assistant".length());
        assertThat(firstDelta).as("a delta came: %s", timeline).isGreaterThanOrEqualTo(0);
        assertThat(replyFrame).as("the reply's frame came: %s", timeline).isGreaterThan(firstDelta);
        assertThat(grown)
                .as("the bubble grew before the reply's frame: %s", timeline)
                .isBetween(0, replyFrame);
        assertThat(timeline.subList(0, replyFrame))
                .filteredOn(e -> e.get("draft") != null)
                .allSatisfy(e -> assertThat(e.get("busy")).isEqualTo("true"));
        // the socket opened the conversation: no first message by REST, and the exchange is stored whole
        assertThat(posted).noneMatch(url -> url.endsWith("/v1/conversations"));
        assertThat(timeline).anyMatch(e -> "conversation".equals(e.get("frame")));
        String id = (String) shop.evaluate(
                "() => localStorage.getItem(Object.keys(localStorage).find(k => k.endsWith(':conversation')))");
        tools.jackson.databind.JsonNode conversation =
                api.get("/v1/conversations/" + id).json();
        assertThat(conversation
                        .path("messages")
                        .valueStream()
                        .map(m -> m.path("role").asString()))
                .containsExactly("user", "assistant");
        // the shopper's message stays once, above the reply
        assertThat(log.locator(".b.customer")).hasCount(1);
        assertThat(log.locator(".b.customer")).containsText("How long does shipping take?");
    }

    static int indexOf(List<Map<String, Object>> timeline, java.util.function.Predicate<Map<String, Object>> what) {
        for (int i = 0; i < timeline.size(); i++) {
            if (what.test(timeline.get(i))) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void theWidgetShowsTheAssistantsReplyAsItIsWritten() {
        openAllDay();
        Page shop = shopper.newPage();
        List<String> frames = new java.util.concurrent.CopyOnWriteArrayList<>();
        shop.onWebSocket(socket -> socket.onFrameReceived(frame -> frames.add(frame.text())));
        shop.navigate(shopPage("/streaming", publishable));
        shop.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open chat"))
                .click();
        // the first message opens the conversation (through the widget's socket, which then follows it)
        shop.getByLabel("Your message").fill("Do you ship worldwide?");
        shop.getByLabel("Your message").press("Enter");
        Locator log = shop.getByRole(AriaRole.LOG);
        assertThat(log.locator(".b.assistant")).hasCount(2);
        shop.waitForCondition(() -> frames.stream().anyMatch(f -> f.contains("\"authenticated\"")));
        // every state the growing reply goes through, as the shopper sees it
        shop.evaluate("""
                () => {
                  const root = document.getElementById('parley-widget').shadowRoot;
                  window.__drafts = [];
                  new MutationObserver(() => {
                    const draft = root.querySelector('.draft');
                    if (draft) window.__drafts.push({ text: draft.textContent, busy: draft.getAttribute('aria-busy') });
                  }).observe(root, { subtree: true, childList: true, characterData: true });
                }""");

        shop.getByLabel("Your message").fill("How long does shipping take?");
        shop.getByLabel("Your message").press("Enter");

        assertThat(log.locator(".b.assistant")).hasCount(3);
        assertThat(log.locator(".b.assistant").last()).containsText("business days");
        assertThat(log.locator(".draft")).hasCount(0);
        assertThat(frames).anyMatch(f -> f.contains("\"message.delta\""));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> drafts = (List<Map<String, Object>>) shop.evaluate("() => window.__drafts");
        assertThat(drafts)
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d.get("busy")).isEqualTo("true"));
        assertThat(drafts.getFirst().get("text").toString()).startsWith("Assistant");
        // the sources wait for the reply, which lists them once as links
        assertThat(drafts).noneMatch(d -> d.get("text").toString().contains("Source: Shipping policy"));
        assertThat(log.locator("ul.src").last()).containsText("Shipping policy");
        // the shopper's message stays above the reply it was answered with, once
        Locator mine = log.locator(".b.customer").filter(new Locator.FilterOptions().setHasText("How long"));
        assertThat(mine).hasCount(1);
        assertThat((Boolean) mine.evaluate("b => b.compareDocumentPosition(b.parentNode.lastElementChild) === 4"))
                .isTrue();
        assertNoSeriousAccessibilityProblems(shop, "the widget after a streamed reply");
    }

    @Test
    void aMessageWrittenWhileTheReplyIsComingGoesAfterIt() {
        openAllDay();
        addArticle("Gift wrapping", "We wrap every gift in recycled paper with a handwritten card for 3 dollars.");
        Page shop = shopper.newPage();
        shop.navigate(shopPage("/queued", publishable));
        shop.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open chat"))
                .click();
        Locator input = shop.getByLabel("Your message");
        input.fill("Do you ship worldwide?");
        input.press("Enter");
        // written at once, while the first is on its way: neither dropped nor left in the input
        input.fill("Do you offer gift wrapping?");
        input.press("Enter");
        assertThat(input).hasValue("");

        Locator log = shop.getByRole(AriaRole.LOG);
        assertThat(log.locator(".b.assistant:not(.draft)")).hasCount(3);
        assertThat(log.locator(".draft")).hasCount(0);
        assertThat(log.locator(".b.customer"))
                .containsText(new String[] {"Do you ship worldwide?", "Do you offer gift wrapping?"});
        assertThat(log.locator(".b.assistant").nth(1)).containsText("business days");
        assertThat(log.locator(".b.assistant").nth(2)).containsText("recycled paper");
    }

    @Test
    void theWidgetWorksWithTheKeyboardAlone() {
        Page shop = shopper.newPage();
        shop.navigate(shopPage("/keyboard", publishable));
        Locator launcher = shop.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open chat"));
        assertThat(launcher).isVisible();

        shop.keyboard().press("Tab");
        assertThat(launcher).isFocused();
        shop.keyboard().press("Enter");
        Locator input = shop.getByLabel("Your message");
        assertThat(input).isFocused();
        shop.keyboard().type("Do you ship worldwide?");
        shop.keyboard().press("Enter");
        assertThat(shop.getByRole(AriaRole.LOG).locator(".b.assistant").last()).containsText("ship");
        assertThat(shop.getByRole(AriaRole.LOG)).hasAttribute("aria-live", "polite");

        shop.keyboard().press("Escape");
        assertThat(shop.getByRole(AriaRole.DIALOG)).isHidden();
        Locator reopen = shop.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open chat"));
        assertThat(reopen).isFocused();
        assertThat(reopen).hasAttribute("aria-expanded", "false");
    }

    @Test
    void scriptInMessagesAndNamesStaysInert() {
        String email = newAgent("<img src=x onerror=\"window.__pwned=1\">", "agent");
        Page shop = shopper.newPage();
        shop.navigate(shopPage("/inert", publishable));
        shop.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open chat"))
                .click();
        String attack = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=1</script>";
        shop.getByLabel("Your message").fill(attack);
        shop.getByLabel("Your message").press("Enter");
        assertThat(shop.getByRole(AriaRole.LOG).locator(".b.customer").last()).containsText("<script>");

        Page console = signIn(email);
        assertThat(console.locator(".conversation-row")).hasCount(1);
        console.locator(".conversation-row").getByRole(AriaRole.LINK).click();
        assertThat(console.locator("#transcript")).containsText("<script>window.__pwned=1</script>");
        console.getByLabel("Private note (agents only)").fill(attack);
        console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add note"))
                .click();
        assertThat(console.locator(".msg.note")).containsText("onerror");

        assertThat(shop.evaluate("() => window.__pwned === undefined")).isEqualTo(true);
        assertThat(console.evaluate("() => window.__pwned === undefined")).isEqualTo(true);
        assertThat(console.locator("#transcript img")).hasCount(0);
    }

    @Test
    void onADomainTheStoreDoesNotAllowTheWidgetShowsNothing() {
        TestWorkspace elsewhere = fixtures.workspace("enterprise", "shop.example");
        Page shop = shopper.newPage();
        Response config = shop.waitForResponse(
                r -> r.url().endsWith("/v1/widget/config"),
                () -> shop.navigate(shopPage("/foreign", fixtures.publishableKey(elsewhere.id()))));

        assertThat(config.status()).isEqualTo(403);
        assertThat(shop.locator("#parley-widget")).hasCount(0);
        assertThat(shop.getByRole(AriaRole.BUTTON)).hasCount(0);
    }

    @Test
    void anExpiredSessionReturnsToSignInAndAFormWithoutItsTokenIsRefused() {
        Page console = signIn(newAgent("Kamola", "agent"));
        String id = api.post("/v1/conversations", Map.of("initial_message", "Hello"))
                .json()
                .path("conversation_id")
                .asString();

        var refused = agent.request()
                .post(
                        "http://127.0.0.1:" + port + "/console/conversations/" + id + "/reply",
                        RequestOptions.create()
                                .setForm(FormData.create().set("content", "no token"))
                                .setMaxRedirects(0));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(api.get("/v1/conversations/" + id).text()).doesNotContain("no token");

        TestClock.shared().freeze();
        TestClock.shared().advance(Duration.ofHours(13));
        // the open page may be sent to sign-in on its own (an inbox refresh answered with HX-Redirect), which would
        // abort a navigation of that page: the agent's next visit is a new tab with the same cookies
        Page later = console.context().newPage();
        later.navigate("http://127.0.0.1:" + port + "/console");
        assertThat(later).hasURL(Pattern.compile(".*/console/login$"));
        assertThat(later.getByRole(AriaRole.HEADING)).hasText("Sign in to Parley");
    }

    String console(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Test
    void anAgentSeesANewConversationArriveWithoutReloading() {
        Page console = signIn(newAgent("Aziz", "agent"));
        assertThat(console.locator(".conversation-row")).hasCount(0);
        assertThat(console.locator("body")).hasAttribute("data-live", "connected");
        console.evaluate("() => { window.__samePage = true; }");

        // the inbox polls only every 30 s: the row arrives through the event stream
        Api.Response created = api.post(
                "/v1/conversations",
                Map.of("customer_name", "Live Arrival", "initial_message", "Is my parcel on its way?"));
        assertThat(created.status()).as(created.toString()).isBetween(200, 201);

        // a generous wait for a loaded machine, still shorter than the 30 s poll counted from the page's load
        assertThat(console.locator(".conversation-row"))
                .containsText(
                        "Live Arrival",
                        new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
                                .setTimeout(20_000));
        assertThat(console.evaluate("() => window.__samePage === true")).isEqualTo(true);
    }

    @Test
    void anEventThatComesWhileTheInboxIsRefreshingStillShowsItsConversation() {
        Page console = signIn(newAgent("Dilnoza", "agent"));
        assertThat(console.locator("body")).hasAttribute("data-live", "connected");
        console.evaluate("() => { window.__frames = 0;"
                + " document.body.addEventListener('parley-frame', () => { window.__frames++; }); }");
        // the first refresh of the list is answered from before the conversation existed, and its answer is held
        // back until the conversation's events have reached the page: they come while that refresh is in flight
        java.util.concurrent.atomic.AtomicReference<com.microsoft.playwright.Route> held =
                new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<com.microsoft.playwright.APIResponse> stale =
                new java.util.concurrent.atomic.AtomicReference<>();
        console.route("**/console/inbox/rows**", route -> {
            if (held.get() == null) {
                stale.set(route.fetch());
                held.set(route);
            } else {
                route.resume();
            }
        });
        console.evaluate("() => document.body.dispatchEvent(new CustomEvent('parley-event', { detail: {} }))");
        console.waitForCondition(() -> held.get() != null);

        Api.Response created = api.post(
                "/v1/conversations",
                Map.of("customer_name", "Mid Refresh", "initial_message", "Is my parcel on its way?"));
        assertThat(created.status()).as(created.toString()).isBetween(200, 201);
        console.waitForFunction("() => window.__frames > 0");
        held.get().fulfill(new com.microsoft.playwright.Route.FulfillOptions().setResponse(stale.get()));

        // the page polls every 30 s: only the event remembered during the refresh can bring the row sooner
        assertThat(console.locator(".conversation-row"))
                .containsText(
                        "Mid Refresh",
                        new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
                                .setTimeout(20_000));
    }

    @Test
    void theShoppersTypingIsToldAgainRightAfterAMessageIsSent() {
        Page shop = shopper.newPage();
        List<String> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        shop.onWebSocket(ws -> {
            ws.onFrameSent(frame -> sent.add(String.valueOf(frame.text())));
            ws.onFrameReceived(frame -> received.add(String.valueOf(frame.text())));
        });
        shop.navigate(shopPage("/typing", publishable));
        shop.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open chat"))
                .click();
        Locator input = shop.getByLabel("Your message");
        input.fill("Hello, I have a question about shipping");
        input.press("Enter");
        shop.waitForCondition(
                () -> received.stream().anyMatch(f -> f.contains("\"authenticated\"")),
                new Page.WaitForConditionOptions().setTimeout(30_000));
        // the first message (which opened the conversation through the socket) is answered before the next is sent
        assertThat(shop.getByRole(AriaRole.LOG).locator(".b.assistant")).hasCount(2);

        // a message typed and sent over the socket, then the next one at once: its typing is told again
        input.pressSequentially("Where is my parcel?");
        input.press("Enter");
        input.pressSequentially("Thanks");

        shop.waitForCondition(
                () -> sent.stream()
                                .filter(f -> f.contains("\"typing\"") && f.contains("\"is_typing\":true"))
                                .count()
                        == 2,
                new Page.WaitForConditionOptions().setTimeout(10_000));
        List<String> typing =
                sent.stream().filter(f -> f.contains("\"typing\"")).toList();
        assertThat(typing)
                .as("typing, stopped as the message is sent, typing again: %s", sent)
                .containsSubsequence(
                        "{\"type\":\"typing\",\"is_typing\":true}",
                        "{\"type\":\"typing\",\"is_typing\":false}",
                        "{\"type\":\"typing\",\"is_typing\":true}");
    }

    @Test
    void anAdminCreatesAnApiKeySeesItOnceAndRevokesIt() {
        Page page = signIn(newAgent("Malika", "admin"));
        page.navigate(console("/console/api-keys"));
        page.getByLabel("Name").fill("Checkout <b>integration</b>");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create key"))
                .click();

        String secret = page.locator("code.secret").textContent().strip();
        assertThat(secret).matches("sk_live_[A-Za-z0-9]{32}");
        assertThat(Api.at(port).withKey(secret).get("/v1/conversations").status())
                .isEqualTo(200);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("console-api-keys.png")));
        Locator row = page.locator("tr.key-row")
                .filter(new Locator.FilterOptions().setHasText("Checkout <b>integration</b>"));
        assertThat(row).hasCount(1);
        assertThat(row.locator("code.masked")).not().hasText(secret);
        assertReadableTime(row.locator(".key-created time"));

        page.reload(); // a reload shows the page again; it does not post the form a second time
        assertThat(page.locator("tr.key-row")
                        .filter(new Locator.FilterOptions().setHasText("Checkout <b>integration</b>")))
                .hasCount(1);
        assertThat(page.locator("code.secret")).hasCount(0);
        page.navigate(console("/console/api-keys"));
        assertThat(page.locator("code.secret")).hasCount(0);
        assertThat(page.content()).doesNotContain(secret);

        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Revoke")))
                .click();
        assertThat(row).containsText("revoked");
        assertThat(Api.at(port).withKey(secret).get("/v1/conversations").status())
                .isEqualTo(401);
    }

    @Test
    void anAdminWritesAnArticleThatSearchFindsWithScriptInItsTitleAndTagsInert() {
        Page page = signIn(newAgent("Sardor", "admin"));
        page.navigate(console("/console/knowledge"));
        String title = "Gift wrapping <img src=x onerror=\"window.__pwned=1\">";
        page.getByLabel("Title").fill(title);
        page.getByLabel("Content").fill("We wrap every gift in recycled paper with a handwritten card for 3 dollars.");
        page.getByLabel("Tags, separated by commas").fill("gifts, <script>window.__pwned=1</script>");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save article"))
                .click();

        Locator row = page.locator("tr.article-row").filter(new Locator.FilterOptions().setHasText("Gift wrapping"));
        assertThat(row.locator(".title")).hasText(title);
        assertThat(row.locator(".tag")).hasText(new String[] {"gifts", "<script>window.__pwned=1</script>"});
        assertThat(row).containsText("yes");
        assertReadableTime(row.locator(".updated time"));
        assertThat(page.locator("main img")).hasCount(0);
        assertThat(page.evaluate("() => window.__pwned === undefined")).isEqualTo(true);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("console-knowledge.png")));

        Api.Response found =
                api.post("/v1/knowledge-base/search", Map.of("query", "Do you wrap gifts in recycled paper?"));
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.json().path("results").get(0).path("title").asString()).isEqualTo(title);

        // an empty title is refused with the reason shown, and the draft kept
        page.getByLabel("Title").fill("");
        page.getByLabel("Content").fill("Draft without a title");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save article"))
                .click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("title");
        assertThat(page.getByLabel("Content")).hasValue("Draft without a title");
        assertThat(page.locator("tr.article-row")).hasCount(2);

        page.navigate(console("/console/knowledge"));
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Delete")))
                .click();
        assertThat(page.locator("tr.article-row").filter(new Locator.FilterOptions().setHasText("Gift wrapping")))
                .hasCount(0);
    }

    @Test
    void aSettingsValidationErrorIsShownAndNothingIsSaved() {
        Page page = signIn(newAgent("Nodira", "admin"));
        page.navigate(console("/console/settings"));
        page.getByLabel("Return window (days)").fill("400");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save settings"))
                .click();

        assertThat(page.getByRole(AriaRole.ALERT)).containsText("settings.return_window_days");
        assertThat(page.getByLabel("Return window (days)")).hasValue("400");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("console-settings.png")));
        assertThat(api.get("/v1/stores/" + workspace.id())
                        .json()
                        .path("settings")
                        .path("return_window_days")
                        .asInt())
                .isEqualTo(30);

        page.getByLabel("Return window (days)").fill("14");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save settings"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Settings saved.");
        assertThat(page.getByLabel("Return window (days)")).hasValue("14");
        assertThat(api.get("/v1/stores/" + workspace.id())
                        .json()
                        .path("settings")
                        .path("return_window_days")
                        .asInt())
                .isEqualTo(14);
    }

    @Test
    void anAdminAddsAWebhookSeesItsDeliveryLogAndRedelivers() throws Exception {
        try (TestSite receiver = TestSite.on("127.0.0.2")) {
            receiver.text("/hooks", "application/json", "{\"ok\":true}");
            Page page = signIn(newAgent("Jasur", "admin"));
            page.navigate(console("/console/webhooks"));
            page.getByLabel("Endpoint URL").fill(receiver.url("/hooks"));
            assertThat(page.getByLabel("Signature format")).hasValue("sha256_prefixed");
            page.getByLabel("Signature format").selectOption("hex");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add webhook"))
                    .click();
            assertThat(page.locator("code.secret")).hasText(Pattern.compile("\\S{16,}"));
            assertThat(page.locator("code.signature-format")).hasText("hex");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send test event"))
                    .click();
            Locator delivery = page.locator("tr.delivery-row");
            assertThat(delivery).hasCount(1);
            assertThat(delivery).containsText("webhook.test");
            assertThat(delivery.locator(".delivery-status")).hasText("delivered");
            assertThat(delivery).containsText("200");
            assertReadableTime(delivery.locator(".delivery-time time"));
            String webhookId = page.url().replaceAll(".*/console/webhooks/([^/?#]+).*", "$1");
            assertThat(api.get("/v1/webhooks/" + webhookId)
                            .json()
                            .path("signature_format")
                            .asString())
                    .isEqualTo("hex");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("console-webhooks.png")));

            delivery.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Redeliver"))
                    .click();
            assertThat(delivery.locator(".delivery-attempts")).hasText("2");
            assertThat(delivery.locator(".delivery-status")).hasText("delivered");
            assertThat(receiver.requested().stream().filter("/hooks"::equals).count())
                    .isEqualTo(2);

            page.navigate(console("/console/webhooks"));
            assertThat(page.locator("tr.webhook-row")).containsText(receiver.url("/hooks"));
            assertThat(page.locator("tr.webhook-row")).containsText("hex");
            assertReadableTime(page.locator("tr.webhook-row time"));
        }
    }

    @Test
    void theAnalyticsPageDrawsItsChartsFromTheAnalyticsFigures() {
        for (String question : List.of("Where is my order?", "How long does shipping take?")) {
            Api.Response created = api.post("/v1/conversations", Map.of("initial_message", question));
            assertThat(created.status()).as(created.toString()).isBetween(200, 201);
        }
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        Api.Response report = api.get("/v1/analytics?granularity=day&start_date=" + today + "&end_date=" + today);
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        long total = report.json().path("summary").path("total_conversations").asLong();
        assertThat(total).isEqualTo(2);

        Page page = signIn(newAgent("Bekzod", "admin"));
        page.navigate(console("/console/analytics"));
        assertThat(page.locator("#total-conversations")).hasText(String.valueOf(total));
        for (String chart : List.of("chart-daily", "chart-sentiment", "chart-intent", "chart-actions")) {
            assertThat(page.evaluate("id => Chart.getChart(id) !== undefined", chart))
                    .as(chart)
                    .isEqualTo(true);
        }
        assertThat(page.evaluate(
                        "() => Chart.getChart('chart-daily').data.datasets[0].data.reduce((a, b) => a + b, 0)"))
                .isEqualTo((int) total);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("console-analytics.png")));
    }

    @Test
    void everyConsolePageWorksUnderItsContentSecurityPolicy() {
        Page page = signIn(newAgent("Shahlo", "admin"));

        for (String path : List.of(
                "/console",
                "/console/knowledge",
                "/console/analytics",
                "/console/widget",
                "/console/settings",
                "/console/api-keys",
                "/console/webhooks",
                "/console/integrations")) {
            Response response = page.navigate(console(path));
            assertThat(response.status()).as(path).isEqualTo(200);
            Map<String, String> headers = response.headers();
            assertThat(headers.get("content-security-policy"))
                    .as(path)
                    .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline");
            assertThat(headers.get("x-frame-options")).as(path).isEqualTo("DENY");
            assertThat(headers.get("referrer-policy")).as(path).isEqualTo("same-origin");
        }
        // the widget page's preview and the presence menu still work, from the console's own script
        page.navigate(console("/console/widget"));
        page.locator("input[name=button_text]").fill("Ask us");
        assertThat(page.locator("#preview-head")).hasText("Ask us");
        page.getByLabel("Presence").selectOption("away");
        assertThat(page.getByLabel("Presence")).hasValue("away");
        assertThat(cspViolations).isEmpty();
    }

    @Test
    void outsideWorkingHoursTheWidgetGreetsWithTheOfflineMessage() {
        java.time.LocalTime now = java.time.LocalTime.now(java.time.ZoneOffset.UTC);
        Api.Response hours = api.patch(
                "/v1/stores/" + workspace.id(),
                Map.of(
                        "settings",
                        Map.of(
                                "working_hours",
                                Map.of(
                                        "timezone", "UTC",
                                        "start", hhmm(now.plusHours(2)),
                                        "end", hhmm(now.plusHours(3))))));
        assertThat(hours.status()).as(hours.toString()).isEqualTo(200);
        Api.Response message =
                api.patch("/v1/widget/config", Map.of("offline_message", "We are away <b>now</b>; leave a message."));
        assertThat(message.status()).as(message.toString()).isEqualTo(200);

        Page shop = shopper.newPage();
        shop.navigate(shopPage("/closed", publishable));
        shop.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open chat"))
                .click();
        // the assistant is there at any hour: it greets as always, and a note says that people are away
        Locator greeting = shop.getByRole(AriaRole.LOG).locator(".b.assistant").first();
        assertThat(greeting).hasText("Hi! How can I help you today?");
        assertThat(shop.getByRole(AriaRole.LOG).locator(".offline-message"))
                .hasText("We are away <b>now</b>; leave a message.");

        api.patch(
                "/v1/stores/" + workspace.id(),
                Map.of(
                        "settings",
                        Map.of(
                                "working_hours",
                                Map.of(
                                        "timezone", "UTC",
                                        "start", hhmm(now.minusHours(1)),
                                        "end", hhmm(now.plusHours(1))))));
        Page open = shopper.newPage();
        open.navigate(shopPage("/open", publishable));
        open.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open chat"))
                .click();
        assertThat(open.getByRole(AriaRole.LOG).locator(".b.assistant").first())
                .hasText("Hi! How can I help you today?");
        assertThat(open.getByRole(AriaRole.LOG).locator(".offline-message")).hasCount(0);
    }

    /** An article of the workspace's knowledge base, which the assistant answers from. */
    void addArticle(String title, String content) {
        Api.Response article = api.post("/v1/knowledge-base", Map.of("title", title, "content", content));
        assertThat(article.status()).as(article.toString()).isBetween(200, 201);
    }

    /** Working hours around the clock, so that what a test shows does not depend on when it runs. */
    void openAllDay() {
        Api.Response hours = api.patch(
                "/v1/stores/" + workspace.id(),
                Map.of(
                        "settings",
                        Map.of("working_hours", Map.of("timezone", "UTC", "start", "00:00", "end", "23:59"))));
        assertThat(hours.status()).as(hours.toString()).isEqualTo(200);
    }

    static final Path AXE = Paths.get("src", "test", "a11y", "node_modules", "axe-core", "axe.min.js");

    /**
     * Runs axe-core (npm, pinned in {@code src/test/a11y}, installed by {@code .ci/run}) on the page and fails on
     * any serious or critical violation. The script goes in through the DevTools protocol, which the page's CSP does
     * not govern, so the console's policy stays as strict as it is.
     */
    static void assertNoSeriousAccessibilityProblems(Page page, String what) {
        assertThat(AXE)
                .as("axe-core is installed: npm ci --prefix server/src/test/a11y")
                .exists();
        String source;
        try {
            source = Files.readString(AXE);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe === 'object'"))) {
            page.evaluate(source + "\n;undefined");
        }
        Object problems = page.evaluate("""
                async () => {
                  const result = await axe.run(document, { resultTypes: ['violations'] });
                  return result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at '
                      + v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(' | '));
                }""");
        assertThat((List<?>) problems).as("axe-core on " + what).isEmpty();
    }

    /** A time as people read it, never the wire's ISO text, with the exact time (and its year) on hover. */
    static void assertReadableTime(Locator time) {
        assertThat(time).hasCount(1);
        assertThat(time).hasAttribute("title", Pattern.compile("\\d{4}"));
        assertThat(time).not().hasText(Pattern.compile("\\d{4}-\\d{2}-\\d{2}T"));
        assertThat(time).hasText(Pattern.compile("\\d{1,2}:\\d{2}"));
    }

    static String hhmm(java.time.LocalTime time) {
        return String.format("%02d:%02d", time.getHour(), time.getMinute());
    }

    @Test
    void anAdminCrawlsASiteFromTheKnowledgePageAndWatchesItsProgress() throws Exception {
        try (TestSite help = TestSite.on("127.0.0.2")) {
            help.html("/help", """
                    <html><head><title>Help centre</title></head><body><h1>Help centre</h1>
                    <p>Answers to common questions.</p><a href="/help/returns">Returns</a></body></html>""");
            help.html("/help/returns", """
                    <html><head><title>Returns</title></head><body><h1>Returns</h1>
                    <p>Return any unworn item within 30 days for a full refund.</p></body></html>""");
            Page page = signIn(newAgent("Zarina", "admin"));
            page.navigate(console("/console/knowledge"));
            page.getByLabel("Website URL").fill(help.url("/help"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start crawl"))
                    .click();

            assertThat(page.getByRole(AriaRole.PROGRESSBAR)).isVisible();
            assertThat(page.locator(".crawl-status")).hasText("completed");
            assertThat(page.getByRole(AriaRole.PROGRESSBAR)).hasAttribute("aria-valuenow", "100");
            assertThat(page.locator(".crawl-pages")).hasText("2");
            Api.Response found = api.post("/v1/knowledge-base/search", Map.of("query", "return unworn item refund"));
            assertThat(found.json().path("results").get(0).path("title").asString())
                    .isEqualTo("Returns");
        }
    }

    @Test
    void anAdminAddsTrainingDataAndImportsADocumentThatSearchFinds() {
        Page page = signIn(newAgent("Otabek", "admin"));
        page.navigate(console("/console/knowledge"));
        page.getByLabel("Question or name").fill("Do you sell gift cards?");
        page.getByLabel("Answer or text").fill("Yes, digital gift cards from 10 to 500 dollars, delivered by email.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add training data"))
                .click();
        assertThat(page.locator("tr.entry-row").filter(new Locator.FilterOptions().setHasText("gift cards")))
                .containsText("faq");

        page.getByLabel("PDF, Word, HTML, Markdown or text")
                .setInputFiles(new com.microsoft.playwright.options.FilePayload(
                        "warranty.md",
                        "text/markdown",
                        "# Warranty\n\nEvery kettle carries a two-year warranty against defects."
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import document"))
                .click();
        assertThat(page.locator("tr.entry-row").filter(new Locator.FilterOptions().setHasText("Warranty")))
                .containsText("document");

        Api.Response found = api.post("/v1/knowledge-base/search", Map.of("query", "kettle warranty years"));
        assertThat(found.json().path("results").get(0).path("title").asString()).isEqualTo("Warranty");
        Api.Response cards = api.post("/v1/knowledge-base/search", Map.of("query", "digital gift cards by email"));
        assertThat(cards.json().path("results").get(0).path("title").asString()).isEqualTo("Do you sell gift cards?");
    }
}
