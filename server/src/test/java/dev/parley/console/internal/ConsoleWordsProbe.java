package dev.parley.console.internal;

import dev.parley.assistant.ActionTaken;
import dev.parley.assistant.Citation;
import dev.parley.conversation.MessageAnalysis;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** {@link ConsoleWords} at a fixed instant, for tests outside its package. */
public final class ConsoleWordsProbe {

    private final ConsoleWords words;

    public ConsoleWordsProbe(String now) {
        this.words = new ConsoleWords(Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
    }

    public String action(ActionTaken action) {
        return words.action(action);
    }

    public List<String> actions(List<ActionTaken> actions) {
        return words.actions(actions);
    }

    /** The analysis as stored (its JSON fields), read as the console reads it. */
    @SuppressWarnings("unchecked")
    public String analysis(Map<String, Object> analysis) {
        return words.analysis(new MessageAnalysis(
                (String) analysis.get("intent"),
                (List<String>) analysis.get("other_intents"),
                (String) analysis.get("sentiment"),
                (Double) analysis.get("confidence"),
                (String) analysis.get("language"),
                (String) analysis.get("model"),
                (Map<String, Double>) analysis.get("timings"),
                (String) analysis.get("notes")));
    }

    public String initials(String name, String email) {
        return words.initials(name, email);
    }

    public String ago(String at) {
        return words.ago(Instant.parse(at));
    }

    public String time(String at) {
        return words.time(Instant.parse(at));
    }

    public String exact(String at) {
        return words.exact(Instant.parse(at));
    }

    public String withoutSourceLines(String content, List<Citation> sources) {
        return words.withoutSourceLines(content, sources);
    }

    public List<Citation> sources(List<Citation> sources) {
        return words.sources(sources);
    }
}
