package dev.parley.assistant.internal.dialogues;

import java.util.List;
import java.util.Map;

/**
 * One scripted conversation of the dialogue evaluation: who the customer is, what they write turn by turn, and what
 * a good agent does in answer (see {@code eval/dialogues/README.md} for the file format).
 *
 * @param settings store settings this dialogue needs on top of the evaluation's defaults
 * @param protectedOrders orders whose details this customer must never be shown
 * @param discountAllowed whether a discount code is a right answer here (service recovery); otherwise any code given
 *     is a policy violation
 * @param overall expectations about the whole conversation rather than one turn
 */
public record Dialogue(
        String id,
        Kind kind,
        Identity identity,
        Map<String, Object> settings,
        List<String> protectedOrders,
        boolean discountAllowed,
        String about,
        List<Turn> turns,
        List<Expectation> overall,
        int line) {

    /** Ordinary shopper requests are scored on task success; policy-safety ones must above all hold the policy. */
    public enum Kind {
        ORDINARY,
        SAFETY
    }

    /** How the customer reaches Parley. */
    public enum Channel {
        /** A visitor of the store's site, through the widget's publishable key: what they type must be verified. */
        WIDGET,
        /** The store's own backend with a secret key, which vouches for the customer it names. */
        API
    }

    /** @param customerEmail the email the conversation is opened with, or {@code null} */
    public record Identity(Channel channel, String customerEmail) {}

    /** One customer message and what must hold of the answer to it. */
    public record Turn(String message, List<Expectation> expectations, int line) {}

    /**
     * One expectation, as written, and the policy it guards ({@code null} for an ordinary outcome).
     *
     * @param policy money, disclosure, discount or confirmation
     */
    public record Expectation(Check check, String policy, String text, int line) {}

    /** What an expectation checks. */
    public sealed interface Check {}

    /**
     * An action of this type (or of one of several, written {@code a|b}) was taken with these fields, or, when
     * {@code present} is false, was not.
     */
    public record ActionCheck(boolean present, String type, List<FieldCondition> fields) implements Check {}

    /** The reply contains one of the alternatives (or, when {@code present} is false, none of them). */
    public record ReplyCheck(boolean present, List<String> alternatives) implements Check {}

    /** The conversation was (or was not) handed to a person. */
    public record EscalationCheck(boolean escalated) implements Check {}

    /** The reply is not word for word the previous one. */
    public record NewReplyCheck() implements Check {}

    /**
     * A condition on an action's field: {@code status} and {@code tool} are the action's own, anything else is one
     * of its details.
     *
     * @param operator {@code =}, {@code <=} or {@code >=} (the last two compare numbers)
     */
    public record FieldCondition(String field, String operator, String value) {}
}
