package dev.parley.console.internal;

import dev.parley.assistant.ActionTaken;
import dev.parley.assistant.Citation;
import dev.parley.assistant.ToolName;
import dev.parley.conversation.MessageAnalysis;
import dev.parley.conversation.MessageRole;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * What agents read instead of the wire's words: an action the assistant took as a sentence, its analysis of a
 * message in words, times as people say them. Templates call it as {@code words}; the stage timings stay out.
 */
@Component("words")
public class ConsoleWords {

    private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern(
                    "EEE d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_TIME =
            DateTimeFormatter.ofPattern("d MMM, HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** The lines the offline engine ends a reply with to name its passages, in English and Uzbek. */
    private static final Pattern SOURCE_LINE =
            Pattern.compile("^\\s*(?:Source|Sources|See also|Manba|Manbalar|Shuningdek qarang):\\s*(.+)$");

    private final java.time.Clock clock;

    ConsoleWords(java.time.Clock clock) {
        this.clock = clock;
    }

    /** The full time, for a hover: {@code Mon 7 Dec 2026, 02:20 UTC}. The page's script shows it in local time. */
    public String exact(Instant at) {
        return at == null ? "" : EXACT.format(at);
    }

    /** A message's time: {@code 14:05} today, {@code 6 Dec, 14:05} before. */
    public String time(Instant at) {
        if (at == null) {
            return "";
        }
        boolean today = at.atZone(ZoneOffset.UTC)
                .toLocalDate()
                .equals(clock.instant().atZone(ZoneOffset.UTC).toLocalDate());
        return today ? TIME.format(at) : DAY_TIME.format(at);
    }

    public String day(Instant at) {
        return at == null ? "" : DAY.format(at);
    }

    /** How long ago, as a list shows it: {@code now}, {@code 5 min}, {@code 3 h}, {@code 2 d}, then the date. */
    public String ago(Instant at) {
        if (at == null) {
            return "";
        }
        Duration since = Duration.between(at, clock.instant());
        if (since.toMinutes() < 1) {
            return "now";
        }
        if (since.toHours() < 1) {
            return since.toMinutes() + " min";
        }
        if (since.toDays() < 1) {
            return since.toHours() + " h";
        }
        if (since.toDays() < 7) {
            return since.toDays() + " d";
        }
        return DAY.format(at);
    }

    /** The two letters of a name's avatar: {@code JD} for Jane Doe, {@code J} for jane@shop.example, {@code ?}. */
    public String initials(String name, String email) {
        String from = name != null && !name.isBlank() ? name.strip() : email != null && !email.isBlank() ? email : "";
        if (from.isEmpty()) {
            return "?";
        }
        String[] words = from.split("[\\s@._-]+");
        StringBuilder letters = new StringBuilder();
        for (String word : words) {
            if (!word.isEmpty() && letters.length() < 2 && Character.isLetterOrDigit(word.codePointAt(0))) {
                letters.appendCodePoint(Character.toUpperCase(word.codePointAt(0)));
            }
            if (name == null || name.isBlank()) {
                break;
            }
        }
        return letters.isEmpty() ? "?" : letters.toString();
    }

    /** One of eight avatar colours, the same for the same customer. */
    public int hue(String key) {
        return key == null ? 0 : Math.floorMod(key.hashCode(), 8);
    }

    public String intent(String intent) {
        return intent == null || intent.isBlank() ? "" : intent.replace('_', ' ');
    }

    /** The assistant's reading of a customer message, in a sentence: what they ask, how they feel, how sure it is. */
    public String analysis(MessageAnalysis analysis) {
        if (analysis == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (analysis.intent() instanceof String intent && !intent.isBlank() && !intent.equals("other")) {
            String asks = "Asks about " + intent(intent);
            if (analysis.otherIntents() instanceof List<?> others && !others.isEmpty()) {
                asks += " and also "
                        + String.join(
                                ", ",
                                others.stream()
                                        .map(o -> intent(String.valueOf(o)))
                                        .toList());
            }
            parts.add(asks);
        } else if (analysis.isReading()) {
            parts.add("The question fits none of the known topics");
        }
        if (analysis.sentiment() instanceof String sentiment && !sentiment.isBlank()) {
            parts.add(
                    switch (sentiment) {
                        case "frustrated" -> "sounds frustrated";
                        case "negative" -> "sounds unhappy";
                        case "positive" -> "sounds happy";
                        default -> "sounds calm";
                    });
        }
        if (analysis.confidence() instanceof Double confidence) {
            parts.add(Math.round(confidence.doubleValue() * 100) + "% sure of its reply");
        }
        if ("uz".equals(analysis.language())) {
            parts.add("writes in Uzbek");
        }
        if (parts.isEmpty()) {
            return "";
        }
        String sentence = String.join(", ", parts);
        return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1) + ".";
    }

    /** An action the assistant took (or was refused), as an activity line for people. Empty for routine searches. */
    public String action(ActionTaken action) {
        Map<String, Object> d = action.details() == null ? Map.of() : action.details();
        String order = d.get("order_number") != null ? " #" + d.get("order_number") : "";
        if (action.status() == ActionTaken.Status.REFUSED) {
            String reason = d.get("reason") == null
                    ? ""
                    : " (" + String.valueOf(d.get("reason")).replace('_', ' ') + ")";
            return "The store's policy stopped " + verb(action.tool()) + order + reason;
        }
        if (action.status() == ActionTaken.Status.FAILED) {
            return action.tool().equals("model")
                    ? "The language model did not answer; the offline engine replied"
                    : "Could not " + verb(action.tool()) + order + ": the service failed";
        }
        if (action.status() == ActionTaken.Status.NEEDS_INFO) {
            return "Asked the customer for their "
                    + String.valueOf(d.getOrDefault("field", "details")).replace('_', ' ');
        }
        return switch (action.type()) {
            case "knowledge_searched" -> "";
            case "escalated", "handed_off", "handoff" ->
                "Handed the conversation to a person"
                        + (d.get("reason") == null
                                ? ""
                                : " (" + String.valueOf(d.get("reason")).replace('_', ' ') + ")");
            case "order_status_checked" -> "Looked up order" + order;
            case "order_tracked" -> "Checked the tracking of order" + order;
            case "refund_processed" -> "Refunded " + money(d.get("amount"), d.get("currency")) + " on order" + order;
            case "return_created" -> "Opened a return for order" + order;
            case "return_label_generated" -> "Made a return label for order" + order;
            case "address_updated" -> "Changed the shipping address of order" + order;
            case "discount_applied" ->
                "Gave the discount code " + d.getOrDefault("code", "")
                        + (d.get("percent") == null ? "" : " (" + d.get("percent") + "% off)");
            case "products_searched" -> "Searched the catalogue";
            default ->
                Character.toUpperCase(action.type().charAt(0))
                        + action.type().substring(1).replace('_', ' ');
        };
    }

    /** The activity lines of a message's actions, routine ones left out. */
    public List<String> actions(List<ActionTaken> actions) {
        return actions == null
                ? List.of()
                : actions.stream().map(this::action).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * A reply's text without the lines that name its sources ({@code Source: Shipping policy}), when the sources are
     * listed under it as links anyway: each is named once, as the widget does.
     */
    public String withoutSourceLines(String content, List<Citation> sources) {
        if (content == null || sources == null || sources.isEmpty()) {
            return content;
        }
        List<String> titles = sources.stream()
                .map(Citation::title)
                .filter(t -> t != null && !t.isBlank())
                .map(String::strip)
                .toList();
        List<String> kept = new ArrayList<>();
        for (String line : content.split("\n", -1)) {
            Matcher named = SOURCE_LINE.matcher(line);
            if (!(named.matches() && titles.stream().anyMatch(named.group(1)::startsWith))) {
                kept.add(line);
            }
        }
        return String.join("\n", kept).replaceAll("\n{3,}", "\n\n").strip();
    }

    /** A reply's sources, each passage's article once: several passages of one article are one source to a reader. */
    public List<Citation> sources(List<Citation> sources) {
        if (sources == null) {
            return List.of();
        }
        Map<String, Citation> once = new LinkedHashMap<>();
        for (Citation source : sources) {
            once.putIfAbsent(source.sourceId() != null ? source.sourceId() : source.title(), source);
        }
        return List.copyOf(once.values());
    }

    /** What a role's message is called next to it. */
    public String sender(MessageRole role, String authorName) {
        return switch (role) {
            case USER -> "Customer";
            case ASSISTANT -> "Assistant";
            case AGENT -> authorName == null || authorName.isBlank() ? "Agent" : authorName;
            case NOTE -> "Private note" + (authorName == null ? "" : " · " + authorName);
            case SYSTEM -> "Activity";
        };
    }

    public String orderStatus(String status) {
        return status == null ? "" : status.replace('_', ' ');
    }

    public String money(Object amount, Object currency) {
        if (amount == null) {
            return "";
        }
        String value = amount instanceof BigDecimal b
                ? b.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString()
                : String.valueOf(amount);
        return (currency == null ? "" : currency + " ") + value;
    }

    /** What a call of each of Parley's tools is, in an activity line ("Could not make a refund of order ..."). */
    private static final Map<ToolName, String> VERBS = Map.of(
            ToolName.REFUND,
            "a refund of order",
            ToolName.REQUEST_RETURN,
            "a return of order",
            ToolName.CHANGE_ADDRESS,
            "an address change of order",
            ToolName.ORDER_STATUS,
            "a look-up of order",
            ToolName.TRACK_ORDER,
            "a look-up of order",
            ToolName.APPLY_DISCOUNT,
            "a discount",
            // Actions recorded before the discount tool was renamed.
            new ToolName("create_discount"),
            "a discount",
            ToolName.HANDOFF,
            "a handoff");

    private static String verb(String tool) {
        String name = tool == null ? "" : tool;
        return VERBS.getOrDefault(new ToolName(name), name.replace('_', ' '));
    }
}
