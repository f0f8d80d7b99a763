package dev.parley.assistant.internal.understanding;

/** One labelled example: a message as a customer wrote it, and what it means (an intent, or a sentiment). */
public record LabelledText(String text, String label) {

    public LabelledText {
        if (text == null || label == null) {
            throw new IllegalArgumentException("text and label are required");
        }
    }
}
