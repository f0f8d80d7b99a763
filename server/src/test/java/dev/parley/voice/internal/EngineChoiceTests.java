package dev.parley.voice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.voice.SpeechToText;
import dev.parley.voice.TextToSpeech;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Which engines a node offers, best first, from what is installed and configured. */
class EngineChoiceTests {

    @Test
    void fallsBackToTheInProcessEnginesWhenTheLocalProcessesAreMissing() {
        Engines engines = VoiceConfiguration.voiceEngines(
                properties("/nonexistent/pocketsphinx_continuous", "/nonexistent/text2wave", true), null, null);

        assertThat(engines.recognisers()).extracting(SpeechToText::name).containsExactly("sphinx4");
        assertThat(engines.voices()).extracting(TextToSpeech::name).containsExactly("freetts");
        assertThat(engines.recogniser(null).orElseThrow().name()).isEqualTo("sphinx4");
        assertThat(engines.voice(null).orElseThrow().name()).isEqualTo("freetts");
        assertThat(engines.recogniser("pocketsphinx")).isEmpty();
    }

    @Test
    void prefersTheLocalProcessesWhenInstalled() {
        // .ci/run installs pocketsphinx and Festival
        Engines engines =
                VoiceConfiguration.voiceEngines(properties("pocketsphinx_continuous", "text2wave", true), null, null);

        assertThat(engines.recognisers()).extracting(SpeechToText::name).containsExactly("pocketsphinx", "sphinx4");
        assertThat(engines.voices()).extracting(TextToSpeech::name).containsExactly("festival", "freetts");
    }

    @Test
    void offersNoneWhenEverythingIsSwitchedOff() {
        Engines engines = VoiceConfiguration.voiceEngines(properties("", "", false), null, null);

        assertThat(engines.recognisers()).isEmpty();
        assertThat(engines.voices()).isEmpty();
        assertThat(engines.recogniser(null)).isEmpty();
    }

    private static VoiceProperties properties(String pocketsphinx, String text2wave, boolean inProcess) {
        return new VoiceProperties(
                Duration.ofMinutes(2),
                Duration.ofSeconds(60),
                4_000_000,
                Duration.ofMillis(700),
                400,
                Duration.ofSeconds(60),
                pocketsphinx,
                text2wave,
                "voice_cmu_us_slt_arctic_hts",
                inProcess,
                inProcess,
                100,
                new VoiceProperties.OpenAi("", "", "whisper-1", "tts-1", "alloy", Duration.ofSeconds(30)),
                new VoiceProperties.LiveKit("", "", "", Duration.ofHours(1)));
    }
}
