package dev.parley.widget;

import dev.parley.platform.ApiException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a workspace's chat widget looks and behaves (seed 003's widget config with seed 002's theme and behaviour),
 * validated on construction. The allowed domains are the workspace's own (tenancy), listed beside it.
 *
 * @param color the primary colour, {@code #RRGGBB}
 * @param shape {@code rounded} or {@code square}
 * @param position {@code bottom-right} or {@code bottom-left}
 * @param theme {@code light} or {@code dark}
 * @param borderRadius corner radius in pixels, 0 to 32
 */
public record WidgetConfig(
        String color,
        String shape,
        String position,
        String buttonText,
        String welcomeMessage,
        String offlineMessage,
        Branding branding,
        String theme,
        String fontFamily,
        int borderRadius,
        Behavior behavior,
        List<String> domains,
        Instant updatedAt) {

    public static final Set<String> SHAPES = Set.of("rounded", "square");
    public static final Set<String> POSITIONS = Set.of("bottom-right", "bottom-left");
    public static final Set<String> THEMES = Set.of("light", "dark");
    private static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");
    private static final Pattern FONT = Pattern.compile("[\\p{L}\\p{N} ,'\"-]{1,100}");
    private static final Pattern PAGE = Pattern.compile("/[^\\s<>\"']{0,199}");

    /** @param logoUrl an http or https URL, or {@code null} */
    public record Branding(boolean showPoweredBy, String logoUrl) {

        public Branding {
            logoUrl = httpUrl(logoUrl, "branding.logo_url");
        }
    }

    /**
     * @param showOnPages paths (with {@code *} wildcards) the widget shows on; empty for every page
     * @param preChatChoice before the first message, the shopper chooses the assistant or a person
     */
    public record Behavior(boolean autoOpen, List<String> showOnPages, boolean hideOnMobile, boolean preChatChoice) {

        public Behavior {
            showOnPages = showOnPages == null ? List.of() : List.copyOf(showOnPages);
            if (showOnPages.size() > 50) {
                throw ApiException.invalidField("behavior.show_on_pages", "too_long");
            }
            for (String page : showOnPages) {
                if (page == null || !PAGE.matcher(page).matches()) {
                    throw ApiException.invalidField("behavior.show_on_pages", "invalid_format");
                }
            }
        }
    }

    public WidgetConfig {
        if (color == null || !COLOR.matcher(color).matches()) {
            throw ApiException.invalidField("color", "invalid_format");
        }
        color = color.toUpperCase(Locale.ROOT);
        oneOf(shape, SHAPES, "shape");
        oneOf(position, POSITIONS, "position");
        oneOf(theme, THEMES, "theme");
        buttonText = text(buttonText, 60, "button_text");
        welcomeMessage = text(welcomeMessage, 500, "welcome_message");
        offlineMessage = text(offlineMessage, 500, "offline_message");
        if (fontFamily == null || !FONT.matcher(fontFamily).matches()) {
            throw ApiException.invalidField("font_family", "invalid_format");
        }
        if (borderRadius < 0 || borderRadius > 32) {
            throw ApiException.invalidField("border_radius", "out_of_range");
        }
        if (branding == null) {
            throw ApiException.missingField("branding");
        }
        if (behavior == null) {
            throw ApiException.missingField("behavior");
        }
        domains = domains == null ? List.of() : List.copyOf(domains);
    }

    /** What a new workspace's widget looks like. */
    public static WidgetConfig defaults() {
        return new WidgetConfig(
                "#4F46E5",
                "rounded",
                "bottom-right",
                "Chat with us",
                "Hi! How can I help you today?",
                "We are offline right now. Leave a message and we will get back to you.",
                new Branding(true, null),
                "light",
                "system-ui, sans-serif",
                12,
                new Behavior(false, List.of(), false, false),
                List.of(),
                null);
    }

    private static void oneOf(String value, Set<String> allowed, String field) {
        if (value == null || !allowed.contains(value)) {
            throw ApiException.invalidField(field, "invalid_value");
        }
    }

    private static String text(String value, int max, String field) {
        if (value == null || value.isBlank()) {
            throw ApiException.missingField(field);
        }
        if (value.strip().length() > max) {
            throw ApiException.invalidField(field, "too_long");
        }
        return value.strip();
    }

    static String httpUrl(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 2048) {
            throw ApiException.invalidField(field, "too_long");
        }
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw ApiException.invalidField(field, "invalid_format");
            }
            return uri.toString();
        } catch (java.net.URISyntaxException e) {
            throw ApiException.invalidField(field, "invalid_format");
        }
    }
}
