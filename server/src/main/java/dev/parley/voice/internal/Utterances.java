package dev.parley.voice.internal;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Energy-based voice activity detection on 16 kHz pcm16: 20 ms frames whose RMS passes a threshold are speech; an
 * utterance starts at the first speech frame (with a little audio before it) and ends after a pause. Silence
 * before any speech is never buffered beyond that little lead, so a client streaming silence holds no memory.
 */
final class Utterances {

    static final int SAMPLE_RATE = 16_000;
    static final int FRAME_BYTES = SAMPLE_RATE / 50 * 2;
    private static final int LEAD_FRAMES = 15;
    /** Fewer speech frames than this is a click or a cough, not an utterance. */
    private static final int MIN_SPEECH_FRAMES = 5;

    /** What feeding audio produced. */
    record Outcome(List<byte[]> utterances, boolean overflowed) {}

    private final int threshold;
    private final int silenceFrames;
    private final long maxBytes;
    private final ByteArrayOutputStream speech = new ByteArrayOutputStream();
    private final java.util.ArrayDeque<byte[]> lead = new java.util.ArrayDeque<>();
    private byte[] partial = new byte[0];
    private boolean speaking;
    private int speechFrames;
    private int quietFrames;
    private boolean overflowing;

    Utterances(int threshold, java.time.Duration silence, java.time.Duration maxUtterance) {
        this.threshold = threshold;
        this.silenceFrames = (int) Math.max(1, silence.toMillis() / 20);
        this.maxBytes = maxUtterance.toMillis() * SAMPLE_RATE / 1000 * 2;
    }

    /** Feeds samples; returns every utterance they completed and whether speech ran past the cap (then dropped). */
    Outcome feed(byte[] pcm16) {
        List<byte[]> done = new ArrayList<>();
        boolean overflowed = false;
        byte[] all = new byte[partial.length + pcm16.length];
        System.arraycopy(partial, 0, all, 0, partial.length);
        System.arraycopy(pcm16, 0, all, partial.length, pcm16.length);
        int offset = 0;
        while (offset + FRAME_BYTES <= all.length) {
            byte[] frame = java.util.Arrays.copyOfRange(all, offset, offset + FRAME_BYTES);
            offset += FRAME_BYTES;
            boolean voiced = rms(frame) >= threshold;
            if (overflowing) {
                // Drop the rest of an over-long utterance until the speaker pauses.
                quietFrames = voiced ? 0 : quietFrames + 1;
                if (quietFrames >= silenceFrames) {
                    overflowing = false;
                    quietFrames = 0;
                }
                continue;
            }
            if (!speaking) {
                if (voiced) {
                    speaking = true;
                    lead.forEach(speech::writeBytes);
                    lead.clear();
                    speech.writeBytes(frame);
                    speechFrames = 1;
                    quietFrames = 0;
                } else {
                    lead.addLast(frame);
                    if (lead.size() > LEAD_FRAMES) {
                        lead.removeFirst();
                    }
                }
                continue;
            }
            speech.writeBytes(frame);
            if (voiced) {
                speechFrames++;
                quietFrames = 0;
            } else if (++quietFrames >= silenceFrames) {
                finish().ifPresent(done::add);
            }
            if (speaking && speech.size() > maxBytes) {
                reset();
                overflowing = true;
                overflowed = true;
            }
        }
        partial = java.util.Arrays.copyOfRange(all, offset, all.length);
        return new Outcome(done, overflowed);
    }

    /** Ends the current utterance now (the client said so); empty when no speech was heard. */
    java.util.Optional<byte[]> flush() {
        if (speaking && partial.length > 0) {
            speech.writeBytes(partial);
        }
        partial = new byte[0];
        overflowing = false;
        return finish();
    }

    private java.util.Optional<byte[]> finish() {
        byte[] utterance = speech.toByteArray();
        boolean enough = speaking && speechFrames >= MIN_SPEECH_FRAMES;
        reset();
        return enough ? java.util.Optional.of(utterance) : java.util.Optional.empty();
    }

    private void reset() {
        speech.reset();
        lead.clear();
        speaking = false;
        speechFrames = 0;
        quietFrames = 0;
    }

    static double rms(byte[] frame) {
        double sum = 0;
        int samples = frame.length / 2;
        for (int i = 0; i < samples; i++) {
            short s = (short) ((frame[2 * i] & 0xff) | (frame[2 * i + 1] << 8));
            sum += (double) s * s;
        }
        return samples == 0 ? 0 : Math.sqrt(sum / samples);
    }
}
