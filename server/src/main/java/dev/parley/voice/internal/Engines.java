package dev.parley.voice.internal;

import dev.parley.voice.SpeechToText;
import dev.parley.voice.TextToSpeech;
import java.util.List;
import java.util.Optional;

/**
 * The speech engines this node can use, best first: local processes when installed (pocketsphinx, Festival), then
 * an OpenAI-compatible API when configured. A session takes the first, or the one its preferences name.
 */
record Engines(List<SpeechToText> recognisers, List<TextToSpeech> voices) {

    Optional<SpeechToText> recogniser(String preferred) {
        return pick(recognisers, preferred, SpeechToText::name);
    }

    Optional<TextToSpeech> voice(String preferred) {
        return pick(voices, preferred, TextToSpeech::name);
    }

    private static <T> Optional<T> pick(
            List<T> engines, String preferred, java.util.function.Function<T, String> name) {
        if (preferred == null) {
            return engines.stream().findFirst();
        }
        return engines.stream().filter(e -> name.apply(e).equals(preferred)).findFirst();
    }
}
