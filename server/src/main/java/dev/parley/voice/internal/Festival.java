package dev.parley.voice.internal;

import dev.parley.voice.SpeechException;
import dev.parley.voice.TextToSpeech;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Festival's {@code text2wave} as a process, with the HTS voice {@code festvox-us-slt-hts}: the text goes in a
 * temporary file (never on a command line), the 16 kHz WAV comes back in another.
 */
final class Festival implements TextToSpeech {

    private final String command;
    private final String voice;
    private final java.time.Duration timeout;

    Festival(String command, String voice, java.time.Duration timeout) {
        this.command = command;
        this.voice = voice;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "festival";
    }

    @Override
    public byte[] synthesize(String text) {
        Path in = Processes.tempFile(".txt");
        Path out = Processes.tempFile(".wav");
        try {
            // Festival reads the file as text in its own syntax-free mode; only letters, digits, punctuation and
            // spaces reach it, so no stray control character can upset the reader.
            Files.writeString(in, speakable(text), StandardCharsets.UTF_8);
            Processes.run(
                    List.of(
                            command,
                            "-eval",
                            "(" + voice + ")",
                            "-F",
                            String.valueOf(Utterances.SAMPLE_RATE),
                            "-o",
                            out.toString(),
                            in.toString()),
                    timeout);
            byte[] wav = Files.readAllBytes(out);
            if (wav.length <= 44) {
                throw new SpeechException("text2wave wrote no audio");
            }
            return wav;
        } catch (IOException e) {
            throw new SpeechException("text2wave files unusable", e);
        } finally {
            Processes.delete(in);
            Processes.delete(out);
        }
    }

    static String speakable(String text) {
        return text.replaceAll("[^\\p{L}\\p{N}\\p{P}\\p{Zs}$%&+]", " ").strip();
    }
}
