package dev.parley.voice.internal;

import com.sun.speech.freetts.Voice;
import com.sun.speech.freetts.VoiceManager;
import com.sun.speech.freetts.audio.AudioPlayer;
import dev.parley.voice.SpeechException;
import dev.parley.voice.TextToSpeech;
import java.io.ByteArrayOutputStream;
import javax.sound.sampled.AudioFormat;

/**
 * FreeTTS in process with its 16 kHz {@code kevin16} voice: the fallback where Festival is not installed. A FreeTTS
 * voice is not thread-safe, so one voice speaks for the node, one answer at a time.
 */
final class FreeTts implements TextToSpeech {

    private static final String VOICES = "com.sun.speech.freetts.en.us.cmu_us_kal.KevinVoiceDirectory";

    private Voice voice;

    @Override
    public String name() {
        return "freetts";
    }

    @Override
    public synchronized byte[] synthesize(String text) {
        String speakable = Festival.speakable(text);
        if (speakable.isEmpty()) {
            throw new SpeechException("nothing to say");
        }
        Collector collector = new Collector();
        try {
            Voice v = voice();
            v.setAudioPlayer(collector);
            if (!v.speak(speakable)) {
                throw new SpeechException("freetts did not speak");
            }
        } catch (RuntimeException e) {
            throw e instanceof SpeechException s ? s : new SpeechException("freetts failed: " + e.getMessage(), e);
        }
        byte[] pcm = collector.littleEndianPcm16();
        if (pcm.length == 0) {
            throw new SpeechException("freetts wrote no audio");
        }
        return Wav.write(pcm, (int) collector.format.getSampleRate());
    }

    private Voice voice() {
        if (voice == null) {
            if (System.getProperty("freetts.voices") == null) {
                System.setProperty("freetts.voices", VOICES);
            }
            Voice found = VoiceManager.getInstance().getVoice("kevin16");
            if (found == null) {
                throw new SpeechException("freetts voice kevin16 not found");
            }
            found.allocate();
            voice = found;
        }
        return voice;
    }

    /** Keeps what the voice "plays" instead of sending it to a sound card. */
    private static final class Collector implements AudioPlayer {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private AudioFormat format = new AudioFormat(Utterances.SAMPLE_RATE, 16, 1, true, true);
        private float volume = 1;

        byte[] littleEndianPcm16() {
            byte[] pcm = bytes.toByteArray();
            if (format.getSampleSizeInBits() != 16 || format.getChannels() != 1) {
                throw new SpeechException("freetts audio is not 16-bit mono: " + format);
            }
            if (format.isBigEndian()) {
                for (int i = 0; i + 1 < pcm.length; i += 2) {
                    byte high = pcm[i];
                    pcm[i] = pcm[i + 1];
                    pcm[i + 1] = high;
                }
            }
            return pcm.length % 2 == 0 ? pcm : java.util.Arrays.copyOf(pcm, pcm.length - 1);
        }

        @Override
        public void setAudioFormat(AudioFormat format) {
            this.format = format;
        }

        @Override
        public AudioFormat getAudioFormat() {
            return format;
        }

        @Override
        public void pause() {}

        @Override
        public void resume() {}

        @Override
        public void reset() {}

        @Override
        public boolean drain() {
            return true;
        }

        @Override
        public void begin(int size) {}

        @Override
        public boolean end() {
            return true;
        }

        @Override
        public void cancel() {}

        @Override
        public void close() {}

        @Override
        public float getVolume() {
            return volume;
        }

        @Override
        public void setVolume(float volume) {
            this.volume = volume;
        }

        @Override
        public long getTime() {
            return 0;
        }

        @Override
        public void resetTime() {}

        @Override
        public void startFirstSampleTimer() {}

        @Override
        public boolean write(byte[] audio) {
            return write(audio, 0, audio.length);
        }

        @Override
        public boolean write(byte[] audio, int offset, int size) {
            bytes.write(audio, offset, size);
            return true;
        }

        @Override
        public void showMetrics() {}
    }
}
