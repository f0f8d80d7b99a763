package dev.parley.voice;

/** A speech engine failed (not started, timed out, answered with an error or with something unreadable). */
public class SpeechException extends RuntimeException {

    public SpeechException(String message) {
        super(message);
    }

    public SpeechException(String message, Throwable cause) {
        super(message, cause);
    }
}
