package dev.parley.conversation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What is kept beside a message's text. On the assistant's reply: what it read in the customer message it answered
 * (the intent and the others asked besides, the sentiment, how sure it was of its reply, the language) and how the
 * turn was made (the model and milliseconds per stage), which agents see and a visitor does not. On the notice of an
 * escalation: the notes the escalating caller gave. Fields that do not apply are absent.
 *
 * @param confidence how sure it was of its reply, in [0, 1]
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageAnalysis(
        String intent,
        List<String> otherIntents,
        String sentiment,
        Double confidence,
        String language,
        String model,
        Map<String, Double> timings,
        String notes) {

    /** The notice of an escalation, with the caller's notes. */
    public static MessageAnalysis notes(String notes) {
        return new MessageAnalysis(null, null, null, null, null, null, null, notes);
    }

    /** Whether this is the assistant's reading of a customer message (not an escalation's notes). */
    @JsonIgnore
    public boolean isReading() {
        return intent != null;
    }

    /** What a visitor may see: the reading without how the turn was made, and no notes. */
    public MessageAnalysis forVisitor() {
        return new MessageAnalysis(intent, otherIntents, sentiment, confidence, language, null, null, null);
    }
}
