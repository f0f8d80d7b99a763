package dev.parley.assistant.internal;

import dev.parley.assistant.Turn.Escalation;
import dev.parley.assistant.TurnRequest;
import dev.parley.tenancy.StoreSettings;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * When a human takes over, decided in code from the store's settings, in this order: the customer asked for one;
 * the customer is frustrated and the conversation has gone on; the assistant was unsure three times in a row.
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

    /**
     * A problem only a person can put right, and what the customer is told before being handed over: a parcel the
     * carrier marks delivered that never came (the carrier must be asked), a payment taken twice (the payment must be
     * checked). The assistant refunds nothing for them.
     *
     * @param reason the escalation's reason code
     * @param english what the customer is told first, in English
     * @param uzbek the same in Uzbek
     */
    record PeopleOnly(String reason, String english, String uzbek) {

        String said(String language) {
            return language.equals("uz") ? uzbek : english;
        }
    }

    private static final Pattern NOT_RECEIVED = Pattern.compile(
            "(?i)\\b(?:(?:says|shows|marked|listed|status is|tracking says)\\s+(?:as\\s+|it(?:'s| was| is)\\s+)?delivered"
                    + "\\b.*\\b(?:never|not|didn'?t|haven'?t|hasn'?t|did not|have not|nothing)\\b.*\\b(?:got|get|received?"
                    + "|arrived?|came|come|here|there|it|anything)|(?:package|parcel|order|delivery)\\s+(?:was\\s+|got\\s+)?"
                    + "(?:stolen|lost)|(?:never|didn'?t|did not)\\s+(?:get|got|receive|received)\\b.*\\bdelivered"
                    + "|delivered\\s+to\\s+the\\s+wrong\\s+(?:address|house|place|person))");

    private static final Pattern CHARGED_TWICE = Pattern.compile(
            "(?i)\\b(?:charged\\s+(?:me\\s+)?(?:twice|two times|double|2 times)|double[- ]charged|charged\\s+double"
                    + "|duplicate\\s+(?:charge|payment)|billed\\s+(?:me\\s+)?(?:twice|two times|double)|paid\\s+twice"
                    + "|two\\s+charges|charged\\s+again|unauthori[sz]ed\\s+(?:charge|payment)|wrong\\s+amount\\s+charged"
                    + "|charged\\s+(?:me\\s+)?the\\s+wrong\\s+amount)\\b");

    /** Whether the message says a parcel the carrier marks delivered never reached the customer. */
    static boolean deliveredButNotReceived(String message) {
        return NOT_RECEIVED.matcher(message).find()
                && !ABOUT_A_MESSAGE.matcher(message).find();
    }

    /** "I never got the email saying it was delivered": a missing notice, not a missing parcel. */
    private static final Pattern ABOUT_A_MESSAGE =
            Pattern.compile("(?i)\\b(e-?mails?|notifications?|confirmations?|texts?|sms|messages?)\\b");

    /** What a customer whose order the store shows delivered, but who never got it, is told before a person takes over. */
    static PeopleOnly notReceived() {
        return new PeopleOnly(
                "delivered_not_received",
                "I'm sorry it hasn't reached you although the carrier shows it delivered. That needs a check with the"
                        + " carrier, which our support team does.",
                "Yetkazib beruvchi uni yetkazilgan deb koʻrsatgani holda sizga yetib kelmagani uchun uzr soʻrayman."
                        + " Buni yetkazib beruvchi bilan tekshirish kerak, buni qoʻllab-quvvatlash jamoamiz qiladi.");
    }

    /**
     * Whether the message reports a problem only a person can put right at once: a payment taken twice (the payment
     * must be checked). A parcel marked delivered that never came is looked up first ({@link #notReceived}).
     */
    static Optional<PeopleOnly> onlyAPersonCanHelp(String message) {
        if (CHARGED_TWICE.matcher(message).find()) {
            return Optional.of(new PeopleOnly(
                    "billing_problem",
                    "I'm sorry about the trouble with the charge. Our support team checks payments and puts any wrong"
                            + " charge right.",
                    "Toʻlovdagi muammo uchun uzr soʻrayman. Jamoamiz aʼzosi toʻlovni tekshirib, uni toʻgʻrilaydi."));
        }
        return Optional.empty();
    }

    /** A person because the customer asked for one, or is frustrated and the conversation has gone on. */
    static Optional<Escalation> requested(
            TurnRequest request, String intent, double intentConfidence, String sentiment) {
        if (asksForHuman(request.message()) || (intent.equals("human_handoff") && intentConfidence >= 0.5)) {
            return Optional.of(new Escalation("customer_request", "normal", "The customer asked for a person"));
        }
        long customerTurns = request.history().stream()
                .filter(m -> m.role() == TurnRequest.Speaker.CUSTOMER)
                .count();
        if (sentiment.equals("frustrated") && customerTurns >= FRUSTRATED_AFTER_TURNS) {
            return Optional.of(
                    new Escalation("frustrated", "high", "Frustrated after " + (customerTurns + 1) + " messages"));
        }
        return Optional.empty();
    }

    /**
     * Answers in a row the assistant was unsure of before a person takes over unasked. Each unsure answer offers a
     * person and the second asks what the customer needs, so the customer may take the offer up before then.
     */
    static final int UNSURE_ANSWERS = 3;

    /** A person because the assistant's answer is unsure a third time in a row. */
    static Optional<Escalation> unsure(TurnRequest request, double confidence, StoreSettings settings) {
        int streak = request.memory().lowConfidenceStreak();
        if (confidence < settings.escalationConfidenceThreshold() && streak >= UNSURE_ANSWERS - 1) {
            return Optional.of(new Escalation(
                    "low_confidence",
                    "normal",
                    "Confidence %.2f under the store's threshold %.2f %d times in a row"
                            .formatted(confidence, settings.escalationConfidenceThreshold(), UNSURE_ANSWERS)));
        }
        return Optional.empty();
    }
}
