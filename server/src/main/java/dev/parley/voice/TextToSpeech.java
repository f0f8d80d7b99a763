package dev.parley.voice;

/** A speech synthesiser: text in, a WAV (pcm16, mono) out. */
public interface TextToSpeech {

    /** The engine's name as {@code /health} and a session's preferences call it, e.g. {@code festival}. */
    String name();

    /**
     * The spoken text as a WAV file of 16-bit mono pcm.
     *
     * @throws SpeechException when the engine failed
     */
    byte[] synthesize(String text);
}
