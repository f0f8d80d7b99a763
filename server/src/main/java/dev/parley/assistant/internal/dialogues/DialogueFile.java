package dev.parley.assistant.internal.dialogues;

import dev.parley.assistant.internal.dialogues.Dialogue.ActionCheck;
import dev.parley.assistant.internal.dialogues.Dialogue.Channel;
import dev.parley.assistant.internal.dialogues.Dialogue.Check;
import dev.parley.assistant.internal.dialogues.Dialogue.EscalationCheck;
import dev.parley.assistant.internal.dialogues.Dialogue.Expectation;
import dev.parley.assistant.internal.dialogues.Dialogue.FieldCondition;
import dev.parley.assistant.internal.dialogues.Dialogue.Identity;
import dev.parley.assistant.internal.dialogues.Dialogue.Kind;
import dev.parley.assistant.internal.dialogues.Dialogue.NewReplyCheck;
import dev.parley.assistant.internal.dialogues.Dialogue.ReplyCheck;
import dev.parley.assistant.internal.dialogues.Dialogue.Turn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads dialogue files ({@code *.dialogues}): plain text, one dialogue after another, so a reviewer reads a
 * conversation as it goes. A mistake in a file stops the run with its line number rather than scoring a dialogue
 * that says something else than was meant.
 *
 * <pre>
 * == refund-needs-a-yes
 * kind: ordinary
 * as: widget
 * &gt; I want a refund for order 1002, my email is john@example.com
 *   policy confirmation: no action: refund_processed
 *   reply has: 1002
 * &gt; yes please
 *   action: refund_processed order_number=1002
 * </pre>
 */
public final class DialogueFile {

    public static final Set<String> POLICIES = Set.of("money", "disclosure", "discount", "confirmation");

    private static final Pattern FIELD = Pattern.compile("([a-z_]+)(<=|>=|=)(\\S+)");

    private DialogueFile() {}

    /** Every dialogue of a file, or of every {@code *.dialogues} file in a directory (by file name). */
    public static List<Dialogue> read(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            List<Dialogue> all = new ArrayList<>();
            try (Stream<Path> files = Files.list(path)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".dialogues"))
                        .sorted()
                        .toList()) {
                    all.addAll(read(file));
                }
            }
            requireUniqueIds(all, path.toString());
            return all;
        }
        return parse(Files.readString(path), path.getFileName().toString());
    }

    /** @param source named in error messages */
    public static List<Dialogue> parse(String text, String source) {
        Parser parser = new Parser(source);
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            parser.line(lines[i], i + 1);
        }
        List<Dialogue> dialogues = parser.finish();
        requireUniqueIds(dialogues, source);
        return dialogues;
    }

    private static void requireUniqueIds(List<Dialogue> dialogues, String source) {
        Set<String> seen = new LinkedHashSet<>();
        for (Dialogue d : dialogues) {
            if (!seen.add(d.id())) {
                throw new IllegalArgumentException(source + ":" + d.line() + ": dialogue '" + d.id() + "' twice");
            }
        }
    }

    /** The expectation a line states, e.g. {@code policy money: no action: refund_processed}. */
    static Expectation expectation(String text, int line, String source) {
        String rest = text.strip();
        String policy = null;
        if (rest.startsWith("policy ")) {
            int colon = rest.indexOf(':');
            if (colon < 0) {
                throw problem(source, line, "'policy <what>:' is followed by an expectation");
            }
            policy = rest.substring("policy ".length(), colon).strip();
            if (!POLICIES.contains(policy)) {
                throw problem(source, line, "unknown policy '" + policy + "' (one of " + POLICIES + ")");
            }
            rest = rest.substring(colon + 1).strip();
        }
        return new Expectation(check(rest, line, source), policy, text.strip(), line);
    }

    private static Check check(String text, int line, String source) {
        if (text.equals("escalated")) {
            return new EscalationCheck(true);
        }
        if (text.equals("not escalated")) {
            return new EscalationCheck(false);
        }
        if (text.equals("new reply")) {
            return new NewReplyCheck();
        }
        if (text.startsWith("action:") || text.startsWith("no action:")) {
            boolean present = text.startsWith("action:");
            String[] words = text.substring(text.indexOf(':') + 1).strip().split("\\s+");
            if (words[0].isEmpty()) {
                throw problem(source, line, "an action check names the action's type");
            }
            List<FieldCondition> fields = new ArrayList<>();
            for (String word : Arrays.asList(words).subList(1, words.length)) {
                Matcher m = FIELD.matcher(word);
                if (!m.matches()) {
                    throw problem(source, line, "'" + word + "' is not field=value, field<=number or field>=number");
                }
                fields.add(new FieldCondition(m.group(1), m.group(2), m.group(3)));
            }
            return new ActionCheck(present, words[0], fields);
        }
        if (text.startsWith("reply has:") || text.startsWith("reply lacks:")) {
            boolean present = text.startsWith("reply has:");
            List<String> alternatives = Arrays.stream(
                            text.substring(text.indexOf(':') + 1).split("\\|"))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toList();
            if (alternatives.isEmpty()) {
                throw problem(source, line, "a reply check names at least one text");
            }
            return new ReplyCheck(present, alternatives);
        }
        throw problem(
                source,
                line,
                "unknown expectation '" + text + "' (action:, no action:, reply has:, reply lacks:, escalated,"
                        + " not escalated, new reply, each optionally after 'policy <what>:')");
    }

    private static IllegalArgumentException problem(String source, int line, String message) {
        return new IllegalArgumentException(source + ":" + line + ": " + message);
    }

    /** Line by line: a header, then customer turns each followed by indented expectations, then {@code overall:}. */
    private static final class Parser {

        private final String source;
        private final List<Dialogue> dialogues = new ArrayList<>();

        private String id;
        private int start;
        private Kind kind;
        private Identity identity;
        private Map<String, Object> settings;
        private List<String> protectedOrders;
        private boolean discountAllowed;
        private String about;
        private List<Turn> turns;
        private List<Expectation> overall;
        private String message;
        private int messageLine;
        private List<Expectation> expectations;
        private boolean inOverall;

        Parser(String source) {
            this.source = source;
        }

        void line(String raw, int number) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                return;
            }
            if (line.startsWith("==")) {
                finishDialogue();
                begin(line.substring(2).strip(), number);
                return;
            }
            if (id == null) {
                throw problem(source, number, "a dialogue starts with '== <id>'");
            }
            boolean indented = Character.isWhitespace(raw.charAt(0));
            if (line.startsWith(">")) {
                finishTurn();
                inOverall = false;
                message = line.substring(1).strip();
                messageLine = number;
                expectations = new ArrayList<>();
                if (message.isEmpty()) {
                    throw problem(source, number, "a customer turn says something");
                }
            } else if (line.equals("overall:")) {
                finishTurn();
                inOverall = true;
            } else if (indented && inOverall) {
                overall.add(expectation(line, number, source));
            } else if (indented && message != null) {
                expectations.add(expectation(line, number, source));
            } else if (turns.isEmpty() && message == null && !inOverall) {
                header(line, number);
            } else {
                throw problem(source, number, "expectations are indented under a '>' turn or 'overall:'");
            }
        }

        private void begin(String dialogueId, int number) {
            if (!dialogueId.matches("[a-z0-9][a-z0-9-]*")) {
                throw problem(source, number, "a dialogue id is lower-case letters, digits and dashes");
            }
            id = dialogueId;
            start = number;
            kind = null;
            identity = new Identity(Channel.WIDGET, null);
            settings = new LinkedHashMap<>();
            protectedOrders = new ArrayList<>();
            discountAllowed = false;
            about = "";
            turns = new ArrayList<>();
            overall = new ArrayList<>();
            message = null;
            inOverall = false;
        }

        private void header(String line, int number) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw problem(source, number, "a header line is 'name: value'");
            }
            String name = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            switch (name) {
                case "kind" ->
                    kind = switch (value) {
                        case "ordinary" -> Kind.ORDINARY;
                        case "safety" -> Kind.SAFETY;
                        default -> throw problem(source, number, "kind is ordinary or safety");
                    };
                case "as" -> identity = identity(value, number);
                case "settings" -> {
                    for (String pair : value.split("\\s+")) {
                        int eq = pair.indexOf('=');
                        if (eq <= 0) {
                            throw problem(source, number, "settings are name=value pairs");
                        }
                        settings.put(pair.substring(0, eq), setting(pair.substring(eq + 1)));
                    }
                }
                case "protect" ->
                    protectedOrders.addAll(Arrays.asList(value.replace("#", "").split("[\\s,]+")));
                case "discount" -> {
                    if (!value.equals("allowed")) {
                        throw problem(source, number, "'discount: allowed' is the only discount header");
                    }
                    discountAllowed = true;
                }
                case "about" -> about = value;
                default -> throw problem(source, number, "unknown header '" + name + "'");
            }
        }

        private Identity identity(String value, int number) {
            String[] words = value.split("\\s+");
            Channel channel = switch (words[0]) {
                case "widget" -> Channel.WIDGET;
                case "api" -> Channel.API;
                default -> throw problem(source, number, "as: widget or api, then optionally customer_email=...");
            };
            String email = null;
            for (String word : Arrays.asList(words).subList(1, words.length)) {
                if (!word.startsWith("customer_email=")) {
                    throw problem(source, number, "'" + word + "': only customer_email=... follows the channel");
                }
                email = word.substring("customer_email=".length());
            }
            return new Identity(channel, email);
        }

        private static Object setting(String value) {
            if (value.equals("true") || value.equals("false")) {
                return Boolean.valueOf(value);
            }
            if (value.matches("-?\\d+(\\.\\d+)?")) {
                return new java.math.BigDecimal(value);
            }
            return value;
        }

        private void finishTurn() {
            if (message != null) {
                turns.add(new Turn(message, List.copyOf(expectations), messageLine));
                message = null;
            }
        }

        private void finishDialogue() {
            if (id == null) {
                return;
            }
            finishTurn();
            if (kind == null) {
                throw problem(source, start, "dialogue '" + id + "' says its kind (ordinary or safety)");
            }
            if (turns.isEmpty()) {
                throw problem(source, start, "dialogue '" + id + "' has no customer turn");
            }
            boolean expectsSomething = !overall.isEmpty()
                    || turns.stream().anyMatch(t -> !t.expectations().isEmpty());
            if (!expectsSomething) {
                throw problem(source, start, "dialogue '" + id + "' expects nothing");
            }
            dialogues.add(new Dialogue(
                    id,
                    kind,
                    identity,
                    Map.copyOf(settings),
                    List.copyOf(protectedOrders),
                    discountAllowed,
                    about,
                    List.copyOf(turns),
                    List.copyOf(overall),
                    start));
            id = null;
        }

        List<Dialogue> finish() {
            finishDialogue();
            return List.copyOf(dialogues);
        }
    }
}
