package dev.parley.sdk.model;

import java.util.List;
import java.util.Map;

/** What the assistant made of a message: intent, sentiment, confidence. Any other field: {@link #get(String)}. */
public class Analysis extends JsonObject {
    public Analysis(Map<String, ?> values) {
        super(values);
    }

    /** {@code intent}. */
    public String intent() {
        return getString("intent");
    }

    /** {@code other_intents}. */
    public List<String> otherIntents() {
        return getStrings("other_intents");
    }

    /** {@code sentiment}. */
    public String sentiment() {
        return getString("sentiment");
    }

    /** {@code confidence}. */
    public Double confidence() {
        return getDouble("confidence");
    }
}
