package dev.parley.knowledge.internal.extract;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A site's robots.txt as RFC 9309 reads it: groups chosen by the crawler's product token, the longest matching
 * rule decides, Allow wins a tie, and {@code /robots.txt} itself is always allowed. Also keeps the non-standard but
 * common {@code Crawl-delay} and the {@code Sitemap} lines.
 */
public final class RobotsTxt {

    // RFC 9309 asks crawlers to read at least 500 KiB; what follows is ignored, as the RFC allows.
    private static final int MAX_CHARS = 512 * 1024;

    // A longer delay means the site does not want to be crawled at all; a day says that well enough.
    private static final BigDecimal MAX_CRAWL_DELAY_SECONDS =
            BigDecimal.valueOf(Duration.ofDays(1).toSeconds());

    private static final RobotsTxt ALLOW_ALL = new RobotsTxt(List.of(), List.of());
    private static final RobotsTxt DISALLOW_ALL =
            new RobotsTxt(List.of(new Group(List.of("*"), List.of(new Rule(false, "/")), null)), List.of());

    private final List<Group> groups;
    private final List<URI> sitemaps;

    private RobotsTxt(List<Group> groups, List<URI> sitemaps) {
        this.groups = groups;
        this.sitemaps = sitemaps;
    }

    /** For a robots.txt that is missing (4xx other than 401 and 403): everything may be crawled. */
    public static RobotsTxt allowAll() {
        return ALLOW_ALL;
    }

    /** For a robots.txt that is forbidden (401, 403) or unreachable (5xx): nothing may be crawled. */
    public static RobotsTxt disallowAll() {
        return DISALLOW_ALL;
    }

    /** Reads a robots.txt; lines it does not understand are skipped, so it never fails. */
    public static RobotsTxt parse(String text) {
        if (text == null || text.isBlank()) {
            return ALLOW_ALL;
        }
        String body = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        List<GroupBuilder> groups = new ArrayList<>();
        Set<URI> sitemaps = new LinkedHashSet<>();
        GroupBuilder current = null;
        for (String rawLine : body.split("\r\n|\r|\n")) {
            String line = stripComment(rawLine).strip();
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "user-agent", "useragent", "user agent" -> {
                    if (current == null || current.hasRecords()) {
                        current = new GroupBuilder();
                        groups.add(current);
                    }
                    current.agent(productToken(value));
                }
                case "allow" -> {
                    if (current != null) {
                        current.rule(true, value);
                    }
                }
                case "disallow", "dissallow", "dissalow", "disalow" -> {
                    if (current != null) {
                        current.rule(false, value);
                    }
                }
                case "crawl-delay", "crawldelay" -> {
                    if (current != null) {
                        current.crawlDelay(value);
                    }
                }
                case "sitemap", "site-map" -> sitemap(value).ifPresent(sitemaps::add);
                default -> {}
            }
        }
        return new RobotsTxt(groups.stream().map(GroupBuilder::build).toList(), List.copyOf(sitemaps));
    }

    /**
     * Whether a crawler calling itself {@code userAgent} (e.g. {@code ParleyBot/1.0 (+https://parley.dev/bot)}) may
     * fetch {@code pathAndQuery} (e.g. {@code /products?page=2}; a full URL is read for its path and query).
     */
    public boolean allows(String userAgent, String pathAndQuery) {
        String path = canonical(pathOf(pathAndQuery));
        if (path.equals("/robots.txt")) {
            return true;
        }
        Rule best = null;
        for (Rule rule : rulesFor(userAgent)) {
            if (rule.matches(path) && (best == null || rule.beats(best))) {
                best = rule;
            }
        }
        return best == null || best.allow();
    }

    /** The {@code Crawl-delay} of the group that applies to {@code userAgent}, if it has one. */
    public Optional<Duration> crawlDelay(String userAgent) {
        return groupsFor(userAgent).stream()
                .map(Group::crawlDelay)
                .filter(delay -> delay != null)
                .findFirst();
    }

    /** Every absolute http(s) {@code Sitemap} address, in order, without repeats. */
    public List<URI> sitemaps() {
        return sitemaps;
    }

    private List<Rule> rulesFor(String userAgent) {
        return groupsFor(userAgent).stream().flatMap(g -> g.rules().stream()).toList();
    }

    /**
     * The groups naming the crawler's product token; failing that, those naming the longest prefix of it (so
     * {@code parleybot} applies to {@code ParleyBot-Images}); failing that, the {@code *} groups. Groups naming the
     * same agent are combined, as the RFC says.
     */
    private List<Group> groupsFor(String userAgent) {
        String token = productToken(userAgent == null ? "" : userAgent);
        List<Group> exact = groupsNaming(token);
        if (!exact.isEmpty() && !token.isEmpty()) {
            return exact;
        }
        String longestPrefix = null;
        for (Group group : groups) {
            for (String agent : group.agents()) {
                if (!agent.equals("*")
                        && !agent.isEmpty()
                        && token.startsWith(agent)
                        && (longestPrefix == null || agent.length() > longestPrefix.length())) {
                    longestPrefix = agent;
                }
            }
        }
        return groupsNaming(longestPrefix != null ? longestPrefix : "*");
    }

    private List<Group> groupsNaming(String agent) {
        return groups.stream().filter(g -> g.agents().contains(agent)).toList();
    }

    /** RFC 9309 section 2.2.1: the product token is the name before any version or comment, case-insensitive. */
    private static String productToken(String userAgent) {
        String trimmed = userAgent.strip();
        if (trimmed.startsWith("*")) {
            return "*";
        }
        int end = 0;
        while (end < trimmed.length()) {
            char c = trimmed.charAt(end);
            if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
                break;
            }
            end++;
        }
        return trimmed.substring(0, end).toLowerCase(Locale.ROOT);
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    private static Optional<URI> sitemap(String value) {
        if (!value.regionMatches(true, 0, "http://", 0, 7) && !value.regionMatches(true, 0, "https://", 0, 8)) {
            return Optional.empty();
        }
        return UrlNormalizer.normalize(null, value);
    }

    private static String pathOf(String pathAndQuery) {
        if (pathAndQuery == null || pathAndQuery.isEmpty()) {
            return "/";
        }
        if (pathAndQuery.regionMatches(true, 0, "http://", 0, 7)
                || pathAndQuery.regionMatches(true, 0, "https://", 0, 8)) {
            try {
                URI uri = new URI(UrlNormalizer.escape(pathAndQuery));
                String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
                return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
            } catch (java.net.URISyntaxException e) {
                return "/";
            }
        }
        return pathAndQuery.startsWith("/") ? pathAndQuery : "/" + pathAndQuery;
    }

    /**
     * RFC 9309 section 2.2.2: paths and rules are compared percent-encoded, so non-ASCII characters are encoded as
     * UTF-8 and escapes are uppercased; escapes are never decoded.
     */
    static String canonical(String path) {
        StringBuilder out = new StringBuilder(path.length());
        byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if (b == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
                out.append('%')
                        .append(Character.toUpperCase((char) bytes[i + 1]))
                        .append(Character.toUpperCase((char) bytes[i + 2]));
                i += 2;
            } else if (b > 0x7e || b < 0x21) {
                out.append('%').append(String.format("%02X", b));
            } else {
                out.append((char) b);
            }
        }
        return out.toString();
    }

    private static boolean isHex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }

    /** An Allow or Disallow line; {@code *} matches any characters and a final {@code $} anchors the end. */
    private record Rule(boolean allow, String pattern) {

        boolean matches(String path) {
            boolean anchored = pattern.endsWith("$");
            String glob = anchored ? pattern.substring(0, pattern.length() - 1) : pattern + "*";
            return globMatches(glob, path);
        }

        /** RFC 9309 section 2.2.2: the match with the most octets wins; Allow wins a tie. */
        boolean beats(Rule other) {
            if (pattern.length() != other.pattern.length()) {
                return pattern.length() > other.pattern.length();
            }
            return allow && !other.allow;
        }

        /** Iterative wildcard matching: linear in practice and never the exponential backtracking of a regex. */
        private static boolean globMatches(String glob, String text) {
            int g = 0;
            int t = 0;
            int star = -1;
            int resume = 0;
            while (t < text.length()) {
                if (g < glob.length() && glob.charAt(g) == '*') {
                    star = g++;
                    resume = t;
                } else if (g < glob.length() && glob.charAt(g) == text.charAt(t)) {
                    g++;
                    t++;
                } else if (star >= 0) {
                    g = star + 1;
                    t = ++resume;
                } else {
                    return false;
                }
            }
            while (g < glob.length() && glob.charAt(g) == '*') {
                g++;
            }
            return g == glob.length();
        }
    }

    private record Group(List<String> agents, List<Rule> rules, Duration crawlDelay) {}

    private static final class GroupBuilder {

        private final List<String> agents = new ArrayList<>();
        private final List<Rule> rules = new ArrayList<>();
        private Duration crawlDelay;
        private boolean records;

        boolean hasRecords() {
            return records;
        }

        void agent(String token) {
            agents.add(token);
        }

        Group build() {
            return new Group(List.copyOf(agents), List.copyOf(rules), crawlDelay);
        }

        void rule(boolean allow, String value) {
            records = true;
            // An empty Disallow allows everything, which is what having no rule does.
            if (!value.isEmpty()) {
                rules.add(new Rule(
                        allow, canonical(value.startsWith("/") || value.startsWith("*") ? value : "/" + value)));
            }
        }

        void crawlDelay(String value) {
            records = true;
            try {
                BigDecimal seconds = new BigDecimal(value);
                if (seconds.signum() >= 0 && crawlDelay == null) {
                    // Clamped before scaling, so "1E+999999999" cannot make a billion-digit number.
                    BigDecimal clamped = seconds.min(MAX_CRAWL_DELAY_SECONDS);
                    crawlDelay = Duration.ofMillis(clamped.movePointRight(3)
                            .setScale(0, RoundingMode.HALF_UP)
                            .longValueExact());
                }
            } catch (NumberFormatException | ArithmeticException e) {
                // Not a number: ignored like any other line the parser does not understand.
            }
        }
    }
}
