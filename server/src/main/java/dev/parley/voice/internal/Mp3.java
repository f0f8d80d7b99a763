package dev.parley.voice.internal;

import de.sciss.jump3r.lowlevel.LameEncoder;
import java.io.ByteArrayOutputStream;
import javax.sound.sampled.AudioFormat;

/** MP3 encoding in Java (jump3r, a port of LAME): mono, constant bit rate, for {@code audio_format: mp3}. */
final class Mp3 {

    static final int BIT_RATE_KBPS = 32;

    private Mp3() {}

    /** Little-endian 16-bit mono samples as an MP3 stream (MPEG-2 layer III at 16 kHz). */
    static byte[] encode(byte[] pcm16, int sampleRate) {
        AudioFormat source = new AudioFormat(sampleRate, 16, 1, true, false);
        LameEncoder encoder = new LameEncoder(
                source, BIT_RATE_KBPS, LameEncoder.CHANNEL_MODE_MONO, LameEncoder.QUALITY_MIDDLE, false);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(pcm16.length / 8 + 1024);
            byte[] buffer = new byte[encoder.getMP3BufferSize()];
            int chunk = encoder.getPCMBufferSize();
            for (int at = 0; at < pcm16.length; at += chunk) {
                int written = encoder.encodeBuffer(pcm16, at, Math.min(chunk, pcm16.length - at), buffer);
                out.write(buffer, 0, written);
            }
            int tail = encoder.encodeFinish(buffer);
            out.write(buffer, 0, tail);
            return out.toByteArray();
        } finally {
            encoder.close();
        }
    }
}
