package dev.parley.voice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.voice.SpeechToText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The in-process fallbacks on their own: FreeTTS (kevin16) speaks 16 kHz mono WAV, and Sphinx4 (the en-us model
 * from Maven Central) hears Festival's slt voice asking the end-to-end test's question.
 */
class InProcessEnginesTests {

    static final String QUESTION = "do you have running shoes in size ten";

    @Test
    void freeTtsSpeaksSixteenKilohertzMonoWav() {
        byte[] file = new FreeTts().synthesize("Yes, we have running shoes in size ten.");

        Wav.Audio audio = Wav.read(file);
        assertThat(audio.sampleRate()).isEqualTo(16_000);
        assertThat(audio.channels()).isEqualTo(1);
        assertThat(audio.bitsPerSample()).isEqualTo(16);
        // a sentence of eight words lasts more than a second and less than ten
        assertThat(audio.durationMs()).isBetween(1_000L, 10_000L);
        // speech, not silence: the energy detector finds speech frames in it
        assertThat(speechFrames(audio.pcm())).isGreaterThan(20);
    }

    @Test
    void sphinx4HearsFestivalsQuestion() throws Exception {
        byte[] pcm = festival(QUESTION);

        long started = System.nanoTime();
        SpeechToText.Transcript heard = new Sphinx4().transcribe(pcm);
        double seconds = (System.nanoTime() - started) / 1e9;

        double wer = wordErrorRate(QUESTION, heard.text());
        System.out.printf(
                "sphinx4: heard \"%s\", WER %.3f, %.1f s for %.2f s of speech (first use, model load included)%n",
                heard.text(), wer, seconds, pcm.length / 32_000.0);
        assertThat(heard.text()).contains("running shoes");
        assertThat(wer).isLessThanOrEqualTo(0.375);
        if (heard.confidence() != null) {
            assertThat(heard.confidence()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void sphinx4HearsNothingInSilence() {
        SpeechToText.Transcript heard = new Sphinx4().transcribe(new byte[32_000]);

        assertThat(heard.text()).isEmpty();
    }

    private static int speechFrames(byte[] pcm) {
        int voiced = 0;
        for (int at = 0; at + Utterances.FRAME_BYTES <= pcm.length; at += Utterances.FRAME_BYTES) {
            if (Utterances.rms(Arrays.copyOfRange(pcm, at, at + Utterances.FRAME_BYTES)) >= 400) {
                voiced++;
            }
        }
        return voiced;
    }

    /** Festival's text2wave (installed by .ci/run), as the end-to-end test runs it. */
    static byte[] festival(String text) throws Exception {
        Path in = Files.createTempFile("question", ".txt");
        Path out = Files.createTempFile("question", ".wav");
        try {
            Files.writeString(in, text);
            Process p = new ProcessBuilder(List.of(
                            "text2wave",
                            "-eval",
                            "(voice_cmu_us_slt_arctic_hts)",
                            "-F",
                            "16000",
                            "-o",
                            out.toString(),
                            in.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
            return Wav.read(Files.readAllBytes(out)).pcm();
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
        }
    }

    static double wordErrorRate(String reference, String hypothesis) {
        String[] r = reference.toLowerCase().split("\\s+");
        String[] h =
                hypothesis.isBlank() ? new String[0] : hypothesis.toLowerCase().split("\\s+");
        int[][] d = new int[r.length + 1][h.length + 1];
        for (int i = 0; i <= r.length; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= h.length; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= r.length; i++) {
            for (int j = 1; j <= h.length; j++) {
                int substitution = d[i - 1][j - 1] + (r[i - 1].equals(h[j - 1]) ? 0 : 1);
                d[i][j] = Math.min(substitution, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
            }
        }
        return (double) d[r.length][h.length] / r.length;
    }
}
