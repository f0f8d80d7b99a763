package dev.parley.console.internal;

import dev.parley.assistant.ActionTaken;
import dev.parley.assistant.Citation;
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

    public String analysis(Map<String, Object> analysis) {
        return words.analysis(analysis);
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
