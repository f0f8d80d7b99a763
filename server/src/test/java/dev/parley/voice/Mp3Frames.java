package dev.parley.voice;

/**
 * Walks an MP3 stream frame by frame (MPEG audio layer III headers, written here from the format, independently of
 * the encoder): every frame must start where the previous one ended, up to the end of the file.
 */
record Mp3Frames(int frames, int sampleRate, boolean mono, int samplesPerFrame) {

    private static final int[] BITRATE_V1 = {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320};
    private static final int[] BITRATE_V2 = {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160};
    private static final int[][] RATES = {{11025, 12000, 8000}, null, {22050, 24000, 16000}, {44100, 48000, 32000}};

    long durationMs() {
        return (long) frames * samplesPerFrame * 1000 / sampleRate;
    }

    static Mp3Frames read(byte[] mp3) {
        int at = 0;
        if (mp3.length >= 10 && mp3[0] == 'I' && mp3[1] == 'D' && mp3[2] == '3') {
            int size = (mp3[6] & 0x7f) << 21 | (mp3[7] & 0x7f) << 14 | (mp3[8] & 0x7f) << 7 | (mp3[9] & 0x7f);
            at = 10 + size;
        }
        int frames = 0;
        int rate = 0;
        boolean mono = true;
        int samples = 0;
        while (at < mp3.length) {
            if (at + 4 > mp3.length) {
                throw new AssertionError("truncated header at " + at);
            }
            int h = (mp3[at] & 0xff) << 24
                    | (mp3[at + 1] & 0xff) << 16
                    | (mp3[at + 2] & 0xff) << 8
                    | (mp3[at + 3] & 0xff);
            if ((h >>> 21) != 0x7ff) {
                throw new AssertionError("no frame sync at " + at + " of " + mp3.length);
            }
            int version = (h >>> 19) & 3;
            int layer = (h >>> 17) & 3;
            int bitrateIndex = (h >>> 12) & 0xf;
            int rateIndex = (h >>> 10) & 3;
            int padding = (h >>> 9) & 1;
            int channelMode = (h >>> 6) & 3;
            if (version == 1 || layer != 1 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3) {
                throw new AssertionError("not a layer III frame header at " + at + ": " + Integer.toHexString(h));
            }
            boolean v1 = version == 3;
            int bitrate = (v1 ? BITRATE_V1 : BITRATE_V2)[bitrateIndex] * 1000;
            int frameRate = RATES[version][rateIndex];
            if (rate != 0 && frameRate != rate) {
                throw new AssertionError("sample rate changes at " + at);
            }
            rate = frameRate;
            mono &= channelMode == 3;
            samples = v1 ? 1152 : 576;
            int length = (v1 ? 144 : 72) * bitrate / frameRate + padding;
            at += length;
            frames++;
        }
        if (at != mp3.length) {
            throw new AssertionError("the last frame runs past the end");
        }
        if (frames == 0) {
            throw new AssertionError("no frames");
        }
        return new Mp3Frames(frames, rate, mono, samples);
    }
}
