package dev.parley.assistant.internal;

import dev.parley.assistant.Turn.Escalation;
import dev.parley.assistant.TurnRequest;
import dev.parley.tenancy.StoreSettings;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * When a human takes over, decided in code from the store's settings, in this order: the customer asked for one;
 * the customer is frustrated and the conversation has gone on; the assistant was unsure twice in a row.
 */
final class EscalationRules {

    /** Customer turns after which frustration alone hands over. */
    static final int FRUSTRATED_AFTER_TURNS = 2;

    private static final Pattern ASKS_FOR_HUMAN = Pattern.compile(
            "(?i)\\b((talk|speak|chat)\\s+(to|with)\\s+(a|an|some)?\\s*(human|person|agent|representative|rep|someone|manager|supervisor)"
                    + "|real\\s+(person|human)|human\\s+(agent|being|please)|customer\\s+service\\s+(rep|representative|agent)"
                    + "|live\\s+(agent|person|chat)|operator|odam\\s+bilan|xodim\\s+bilan|оператор)\\b");

    private EscalationRules() {}

    /** Whether the message itself asks for a person, in any words the classifier might miss. */
    static boolean asksForHuman(String message) {
        return ASKS_FOR_HUMAN.matcher(message).find();
    }

    /** A person because the customer asked for one, or is frustrated and the conversation has gone on. */
    static Optional<Escalation> requested(
            TurnRequest request, String intent, double intentConfidence, String sentiment) {
        if (asksForHuman(request.message()) || (intent.equals("human_handoff") && intentConfidence >= 0.5)) {
            return Optional.of(new Escalation("customer_request", "normal", "The customer asked for a person"));
        }
        long customerTurns =
                request.history().stream().filter(m -> m.role().equals("user")).count();
        if (sentiment.equals("frustrated") && customerTurns >= FRUSTRATED_AFTER_TURNS) {
            return Optional.of(
                    new Escalation("frustrated", "high", "Frustrated after " + (customerTurns + 1) + " messages"));
        }
        return Optional.empty();
    }

    /** A person because the assistant's answer is unsure a second time in a row. */
    static Optional<Escalation> unsure(TurnRequest request, double confidence, StoreSettings settings) {
        int streak = request.memory().lowConfidenceStreak();
        if (confidence < settings.escalationConfidenceThreshold() && streak >= 1) {
            return Optional.of(new Escalation(
                    "low_confidence",
                    "normal",
                    "Confidence %.2f under the store's threshold %.2f twice"
                            .formatted(confidence, settings.escalationConfidenceThreshold())));
        }
        return Optional.empty();
    }
}
