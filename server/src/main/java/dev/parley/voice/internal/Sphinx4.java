package dev.parley.voice.internal;

import dev.parley.voice.SpeechException;
import dev.parley.voice.SpeechToText;
import edu.cmu.sphinx.api.Configuration;
import edu.cmu.sphinx.api.SpeechResult;
import edu.cmu.sphinx.api.StreamSpeechRecognizer;
import edu.cmu.sphinx.result.WordResult;
import edu.cmu.sphinx.util.LogMath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * CMU Sphinx4 in process, with the en-us model that {@code net.sf.phat:sphinx4-data} ships: the fallback where
 * pocketsphinx is not installed. It is slower than real time on a small machine, so pocketsphinx comes first. The
 * model (about 50 MB) loads at the first utterance; one recogniser serves the node, one utterance at a time, since
 * Sphinx4's recogniser holds per-stream state.
 */
final class Sphinx4 implements SpeechToText {

    private static final String MODEL = "resource:/edu/cmu/sphinx/models/en-us/";

    private StreamSpeechRecognizer recogniser;

    @Override
    public String name() {
        return "sphinx4";
    }

    @Override
    public synchronized Transcript transcribe(byte[] pcm16) {
        List<String> words = new ArrayList<>();
        double confidence = 0;
        int scored = 0;
        try {
            StreamSpeechRecognizer r = recogniser();
            r.startRecognition(new ByteArrayInputStream(pcm16));
            try {
                SpeechResult result;
                while ((result = r.getResult()) != null) {
                    for (WordResult word : result.getWords()) {
                        if (word.isFiller()
                                || word.getWord().isSentenceEndWord()
                                || word.getWord().isSentenceStartWord()) {
                            continue;
                        }
                        words.add(word.getWord().getSpelling());
                        double p = LogMath.getLogMath().logToLinear((float) word.getConfidence());
                        if (Double.isFinite(p)) {
                            confidence += Math.max(0, Math.min(1, p));
                            scored++;
                        }
                    }
                }
            } finally {
                r.stopRecognition();
            }
        } catch (IOException | RuntimeException e) {
            throw new SpeechException("sphinx4 failed: " + e.getMessage(), e);
        }
        if (words.isEmpty()) {
            return new Transcript("", null);
        }
        Double mean = scored == 0 ? null : Math.round(confidence / scored * 100) / 100.0;
        return new Transcript(String.join(" ", words), mean);
    }

    /**
     * Sphinx4 gives its components' loggers a console handler of its own at INFO (model loading, timers after every
     * utterance); only its warnings belong in the server's output.
     */
    private static void quietSphinxLoggers() {
        LogManager manager = LogManager.getLogManager();
        for (String name : Collections.list(manager.getLoggerNames())) {
            Logger logger = manager.getLogger(name);
            if (logger != null
                    && Arrays.stream(logger.getHandlers())
                            .anyMatch(h -> h.getFormatter() != null
                                    && h.getFormatter().getClass().getName().startsWith("edu.cmu.sphinx"))) {
                logger.setLevel(Level.WARNING);
            }
        }
    }

    private StreamSpeechRecognizer recogniser() throws IOException {
        if (recogniser == null) {
            Configuration configuration = new Configuration();
            configuration.setAcousticModelPath(MODEL + "en-us");
            configuration.setDictionaryPath(MODEL + "cmudict-en-us.dict");
            configuration.setLanguageModelPath(MODEL + "en-us.lm.bin");
            configuration.setSampleRate(Utterances.SAMPLE_RATE);
            recogniser = new StreamSpeechRecognizer(configuration);
            quietSphinxLoggers();
        }
        return recogniser;
    }
}
