package dev.parley.voice.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of voice sessions ({@code parley.voice.*}).
 *
 * @param idleTimeout a socket with no client frame for this long is closed
 * @param maxUtterance the longest utterance buffered; longer speech is refused with an error frame
 * @param maxFrameChars the longest client frame, in characters
 * @param silence the pause that ends an utterance
 * @param energyThreshold the RMS (on the 16-bit scale) above which a 20 ms frame counts as speech
 * @param processTimeout how long one engine process (pocketsphinx, text2wave) may run
 * @param pocketsphinx the {@code pocketsphinx_continuous} command; empty to never use it
 * @param text2wave Festival's {@code text2wave} command; empty to never use it
 * @param festivalVoice the Festival voice function
 * @param sphinx4 whether CMU Sphinx4 runs in process (after pocketsphinx, before the OpenAI-compatible API)
 * @param freetts whether FreeTTS runs in process (after Festival, before the OpenAI-compatible API)
 * @param messagesPerMinute the client frames one socket may send per minute; more are refused with an error frame
 * @param openai an OpenAI-compatible audio API, used when its base URL is set
 * @param livekit a LiveKit server, whose room and token {@code session.ready} carries when all three are set
 */
@ConfigurationProperties("parley.voice")
record VoiceProperties(
        @DefaultValue("2m") Duration idleTimeout,
        @DefaultValue("60s") Duration maxUtterance,
        @DefaultValue("4000000") int maxFrameChars,
        @DefaultValue("700ms") Duration silence,
        @DefaultValue("400") int energyThreshold,
        @DefaultValue("60s") Duration processTimeout,
        @DefaultValue("pocketsphinx_continuous") String pocketsphinx,
        @DefaultValue("text2wave") String text2wave,
        @DefaultValue("voice_cmu_us_slt_arctic_hts") String festivalVoice,
        @DefaultValue("true") boolean sphinx4,
        @DefaultValue("true") boolean freetts,
        @DefaultValue("100") int messagesPerMinute,
        @DefaultValue OpenAi openai,
        @DefaultValue LiveKit livekit) {

    /**
     * @param baseUrl e.g. {@code https://api.openai.com/v1}; empty for none
     */
    record OpenAi(
            @DefaultValue("") String baseUrl,
            @DefaultValue("") String apiKey,
            @DefaultValue("whisper-1") String transcriptionModel,
            @DefaultValue("tts-1") String speechModel,
            @DefaultValue("alloy") String voice,
            @DefaultValue("30s") Duration timeout) {

        boolean configured() {
            return baseUrl != null && !baseUrl.isBlank();
        }
    }

    record LiveKit(
            @DefaultValue("") String url,
            @DefaultValue("") String apiKey,
            @DefaultValue("") String apiSecret,
            @DefaultValue("1h") Duration tokenTtl) {

        boolean configured() {
            return !url.isBlank() && !apiKey.isBlank() && !apiSecret.isBlank();
        }
    }
}
