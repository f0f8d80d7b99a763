package dev.parley.voice;

/** A speech recogniser: 16 kHz mono pcm16 in, text out. */
public interface SpeechToText {

    /** The engine's name as {@code /health} and a session's preferences call it, e.g. {@code pocketsphinx}. */
    String name();

    /**
     * The words in the audio, or an empty text when none were recognised.
     *
     * @param pcm16 little-endian 16-bit mono samples at 16 kHz
     * @throws SpeechException when the engine failed
     */
    Transcript transcribe(byte[] pcm16);

    /**
     * @param confidence in [0, 1], or {@code null} when the engine gives none
     */
    record Transcript(String text, Double confidence) {}
}
