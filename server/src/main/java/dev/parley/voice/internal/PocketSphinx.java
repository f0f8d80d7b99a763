package dev.parley.voice.internal;

import dev.parley.voice.SpeechException;
import dev.parley.voice.SpeechToText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * CMU pocketsphinx (Debian's {@code pocketsphinx} with {@code pocketsphinx-en-us}) as a process: the utterance is
 * written to a temporary WAV file; with {@code -time yes} it prints each word with its posterior probability, whose
 * mean is the transcript's confidence.
 */
final class PocketSphinx implements SpeechToText {

    private static final Pattern WORD = Pattern.compile("^(\\S+) (\\d+\\.\\d+) (\\d+\\.\\d+) (\\d+\\.\\d+)$");

    private final String command;
    private final java.time.Duration timeout;

    PocketSphinx(String command, java.time.Duration timeout) {
        this.command = command;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "pocketsphinx";
    }

    @Override
    public Transcript transcribe(byte[] pcm16) {
        Path wav = Processes.tempFile(".wav");
        try {
            Files.write(wav, Wav.write(pcm16, Utterances.SAMPLE_RATE));
            String out = Processes.run(
                    List.of(command, "-infile", wav.toString(), "-time", "yes", "-logfn", "/dev/null"), timeout);
            return parse(out);
        } catch (IOException e) {
            throw new SpeechException("pocketsphinx input not written", e);
        } finally {
            Processes.delete(wav);
        }
    }

    static Transcript parse(String output) {
        List<String> words = new ArrayList<>();
        double sum = 0;
        for (String line : output.split("\n")) {
            var m = WORD.matcher(line.strip());
            if (!m.matches()) {
                continue;
            }
            String word = m.group(1);
            if (word.startsWith("<") || word.startsWith("[") || word.startsWith("++")) {
                continue;
            }
            int alternative = word.indexOf('(');
            words.add(alternative > 0 ? word.substring(0, alternative) : word);
            sum += Math.min(1.0, Double.parseDouble(m.group(4)));
        }
        if (words.isEmpty()) {
            return new Transcript("", null);
        }
        double confidence = Math.round(sum / words.size() * 100) / 100.0;
        return new Transcript(String.join(" ", words), confidence);
    }
}
