package dev.parley.voice.internal;

import dev.parley.voice.SpeechToText;
import dev.parley.voice.TextToSpeech;
import java.util.List;
import java.util.Optional;

/**
 * The speech engines this node can use, best first: local processes when installed (pocketsphinx, Festival), then
 * the in-process engines (Sphinx4, FreeTTS), then an OpenAI-compatible API when configured. A session takes the one
 * its preferences name, else the one its workspace's voice settings name, else the first.
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
