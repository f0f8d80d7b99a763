package dev.parley.assistant.internal.understanding;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The intents of a message that may ask several things ("where is my order and can I change the address?"): the
 * primary one and the others, in the order the customer asked them.
 *
 * <p>The message is cut into clauses only where a new request plainly starts: after a sentence end or a semicolon, and
 * before "and can you", "also", "plus", "btw" and the like. A bare "and" never cuts, so "I want to return and get a
 * refund for my shoes" stays one ask (its refund is how the return ends, not a second request). Each clause is
 * classified; an intent counts as another when its clause is confidently in scope, it is not small talk, and its family
 * differs from the primary's and from the others' (refund status beside refund policy is one topic, asked twice).
 * The primary intent is the whole message's; when that is one of the clauses' intents, the first one asked leads (the
 * dialogue answers in the customer's order), and when the whole is unsure, the surest clause's.
 */
public final class MessageIntents {

    /** A clause's intent counts only from this confidence: a second intent wrongly claimed costs more than one missed. */
    static final double MIN_CLAUSE_CONFIDENCE = 0.5;

    /**
     * A first clause that only tells ("The boots from order 1003 are too small.") counts from this confidence: it is
     * the matter's setting, and a guess at its intent must not take the lead from the request that follows it.
     */
    static final double MIN_TELLING_CONFIDENCE = 0.7;

    /** A clause shorter than this many words is joined to its neighbour: too little to carry a request of its own. */
    static final int MIN_CLAUSE_WORDS = 3;

    /** A clause needs this many words besides courtesy to carry an intent of its own. */
    static final int MIN_REQUEST_WORDS = 4;

    private static final Set<String> SMALL_TALK = Set.of("greeting", "thanks", "goodbye");

    private static final Pattern CUT = Pattern.compile(
            "(?<=[.!?;])\\s+"
                    + "|;\\s*"
                    // "and can you ...": a new question; "and when will it arrive" most often asks more of the same.
                    + "|,?\\s+(?=(?:and|but)\\s+also\\b)"
                    + "|,?\\s+(?=(?:and|but)\\s+(?:can|could|would|will|do|does|is|are"
                    + "|i'd|i\\s+would|i\\s+want|i\\s+need|i\\s+also|please|pls)\\b)"
                    + "|,\\s*(?=also\\b)"
                    + "|,?\\s+(?=(?:plus|btw|by\\s+the\\s+way|oh\\s+and|one\\s+more\\s+thing|another\\s+thing)\\b)",
            Pattern.CASE_INSENSITIVE);

    /**
     * A clause that asks for something: a question, or a request's words. A sentence that only tells ("This is really
     * frustrating.", "The new one is 22 Oak Road.") adds to the request before it and is no request of its own.
     */
    private static final Pattern ASKS = Pattern.compile(
            "^(?:can|could|would|will|do|does|did|is|are|am|how|what|when|where|which|who|why|any|cancel|track|send"
                    + "|change|update|refund|return|exchange|check|tell|give|show|reset|unsubscribe|stop|help)\\b"
                    + "|\\b(?:i\\s+want|i\\s+need|i'd\\s+like|i\\s+would\\s+like|i\\s+wanna|want\\s+to|need\\s+to"
                    + "|please|pls|plz)\\b|\\?",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern COURTESY =
            Pattern.compile("\\b(?:thanks|thank\\s+you|thx|please|pls|plz|hi|hello|hey)\\b", Pattern.CASE_INSENSITIVE);

    private static final Pattern LEADING_JOINER = Pattern.compile(
            "^(?:(?:and|but|also|plus|btw|by\\s+the\\s+way|oh\\s+and|one\\s+more\\s+thing|another\\s+thing)\\b[,:\\s]*)+",
            Pattern.CASE_INSENSITIVE);

    /**
     * @param primary the message's intent, or {@value IntentClassifier#OUT_OF_SCOPE}
     * @param confidence how sure the classifier is of {@code primary}
     * @param others the other intents asked, in the order asked; empty for a message asking one thing
     */
    public record Result(String primary, double confidence, List<String> others) {}

    private MessageIntents() {}

    /** The clauses of a message that each may carry a request of their own; the whole message when it has one. */
    public static List<String> clauses(String text) {
        List<String> pieces = new ArrayList<>();
        for (String piece : CUT.split(text.strip())) {
            String clause =
                    LEADING_JOINER.matcher(piece.strip()).replaceFirst("").strip();
            if (clause.isEmpty()) {
                continue;
            }
            if (!pieces.isEmpty() && (words(clause) < MIN_CLAUSE_WORDS || words(pieces.getLast()) < MIN_CLAUSE_WORDS)) {
                pieces.set(pieces.size() - 1, pieces.getLast() + " " + clause);
            } else {
                pieces.add(clause);
            }
        }
        return pieces.isEmpty() ? List.of(text.strip()) : List.copyOf(pieces);
    }

    /** The message's primary intent and the others it asks. */
    public static Result of(IntentClassifier classifier, String text) {
        IntentClassifier.Prediction whole = classifier.predict(text);
        List<String> clauses = clauses(text);
        if (clauses.size() < 2) {
            return new Result(whole.label(), whole.confidence(), List.of());
        }
        // The first clause opens the customer's matter even when it only tells it ("I was charged twice."); a later
        // one counts only when it asks something.
        List<String> requests = new ArrayList<>(List.of(clauses.getFirst()));
        clauses.stream().skip(1).filter(MessageIntents::asksSomething).forEach(requests::add);
        // A first clause tells only when it neither asks nor requests: a short question ("Where's order #1001?") asks,
        // even with fewer words than a later clause needs to count (those are kept from courtesy such as "Can you
        // check?").
        boolean firstTells = !ASKS.matcher(clauses.getFirst()).find();
        List<IntentClassifier.Prediction> predicted = classifier.predictAll(requests);
        List<IntentClassifier.Prediction> asked = new ArrayList<>();
        for (int i = 0; i < predicted.size(); i++) {
            IntentClassifier.Prediction p = predicted.get(i);
            double needed = i == 0 && firstTells ? MIN_TELLING_CONFIDENCE : MIN_CLAUSE_CONFIDENCE;
            if (!p.outOfScope() && p.confidence() >= needed && !SMALL_TALK.contains(p.label())) {
                asked.add(p);
            }
        }
        String primary = whole.label();
        double confidence = whole.confidence();
        // When the whole message is unsure (or only small talk), its most confident request leads.
        if ((whole.outOfScope() || SMALL_TALK.contains(primary)) && !asked.isEmpty()) {
            IntentClassifier.Prediction surest = asked.stream()
                    .max(java.util.Comparator.comparingDouble(IntentClassifier.Prediction::confidence))
                    .orElseThrow();
            primary = surest.label();
            confidence = surest.confidence();
        } else if (!asked.isEmpty()) {
            // When the whole message names one of the asks, the first one asked leads: the customer's own order.
            String wholeFamily = BuiltInIntents.family(primary);
            if (asked.stream().anyMatch(p -> BuiltInIntents.family(p.label()).equals(wholeFamily))) {
                primary = asked.getFirst().label();
                confidence = asked.getFirst().confidence();
            }
        }
        Set<String> families = new LinkedHashSet<>();
        families.add(BuiltInIntents.family(primary));
        List<String> others = new ArrayList<>();
        for (IntentClassifier.Prediction p : asked) {
            if (families.add(BuiltInIntents.family(p.label()))) {
                others.add(p.label());
            }
        }
        return new Result(primary, confidence, List.copyOf(others));
    }

    /**
     * Whether a clause asks something of its own: a question or a request's words, and enough words besides courtesy
     * to say what ("Can you check? Thanks!" only asks for more of the request before it).
     */
    static boolean asksSomething(String clause) {
        return ASKS.matcher(clause).find()
                && words(COURTESY.matcher(clause).replaceAll(" ").strip()) >= MIN_REQUEST_WORDS;
    }

    private static int words(String text) {
        return text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}'#-]+").length;
    }
}
