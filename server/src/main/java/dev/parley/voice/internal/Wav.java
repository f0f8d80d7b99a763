package dev.parley.voice.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** RIFF WAV files of 16-bit pcm: reading the samples out, writing them in. */
final class Wav {

    /** What a WAV file holds. */
    record Audio(int sampleRate, int channels, int bitsPerSample, byte[] pcm) {

        long durationMs() {
            long bytesPerSecond = (long) sampleRate * channels * (bitsPerSample / 8);
            return bytesPerSecond == 0 ? 0 : pcm.length * 1000L / bytesPerSecond;
        }
    }

    private Wav() {}

    /**
     * The format and samples of a WAV file.
     *
     * @throws IllegalArgumentException when it is not a pcm WAV file
     */
    static Audio read(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        if (file.length < 12 || !tag(file, 0, "RIFF") || !tag(file, 8, "WAVE")) {
            throw new IllegalArgumentException("not a RIFF WAVE file");
        }
        int position = 12;
        Integer format = null;
        int channels = 0;
        int rate = 0;
        int bits = 0;
        while (position + 8 <= file.length) {
            int size = b.getInt(position + 4);
            int body = position + 8;
            if (size < 0) {
                throw new IllegalArgumentException("broken chunk");
            }
            if (tag(file, position, "fmt ")) {
                if (size < 16 || body + 16 > file.length) {
                    throw new IllegalArgumentException("short fmt chunk");
                }
                format = b.getShort(body) & 0xffff;
                channels = b.getShort(body + 2) & 0xffff;
                rate = b.getInt(body + 4);
                bits = b.getShort(body + 14) & 0xffff;
            } else if (tag(file, position, "data")) {
                if (format == null) {
                    throw new IllegalArgumentException("data before fmt");
                }
                if (format != 1 && format != 0xfffe) {
                    throw new IllegalArgumentException("not pcm");
                }
                // Streaming writers (text2wave on a pipe, some servers) leave the size unset or too large.
                int length = Math.min(size == 0 ? Integer.MAX_VALUE : size, file.length - body);
                byte[] pcm = new byte[length];
                System.arraycopy(file, body, pcm, 0, length);
                return new Audio(rate, channels, bits, pcm);
            }
            long next = (long) body + size + (size & 1);
            if (next > file.length) {
                break;
            }
            position = (int) next;
        }
        throw new IllegalArgumentException("no data chunk");
    }

    /** A WAV file of mono 16-bit samples. */
    static byte[] write(byte[] pcm16, int sampleRate) {
        ByteBuffer b = ByteBuffer.allocate(44 + pcm16.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        b.putInt(36 + pcm16.length);
        b.put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        b.putInt(16);
        b.putShort((short) 1);
        b.putShort((short) 1);
        b.putInt(sampleRate);
        b.putInt(sampleRate * 2);
        b.putShort((short) 2);
        b.putShort((short) 16);
        b.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        b.putInt(pcm16.length);
        b.put(pcm16);
        return b.array();
    }

    private static boolean tag(byte[] file, int at, String tag) {
        for (int i = 0; i < 4; i++) {
            if (at + i >= file.length || file[at + i] != tag.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
