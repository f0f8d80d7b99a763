package dev.parley.voice.internal;

import dev.parley.voice.SpeechException;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Engines run as child processes: an argument list (never a shell line, so nothing a user says is ever parsed as a
 * command), a time limit after which the process is killed, and a cap on what it may print.
 */
final class Processes {

    static final int MAX_OUTPUT = 64 * 1024;

    private Processes() {}

    /** Whether a command is on the {@code PATH} (or is an executable path). */
    static boolean installed(String command) {
        if (command == null || command.isBlank()) {
            return false;
        }
        if (command.contains(File.separator)) {
            return Files.isExecutable(Path.of(command));
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    /** Runs the command and returns what it printed on stdout; a non-zero exit or the time limit fails. */
    static String run(List<String> command, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new SpeechException(command.getFirst() + " could not start", e);
        }
        CompletableFuture<byte[]> output = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (InputStream in = process.getInputStream()) {
                output.complete(readBounded(in));
            } catch (IOException e) {
                output.completeExceptionally(e);
            }
        });
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new SpeechException(command.getFirst() + " took longer than " + timeout);
            }
            if (process.exitValue() != 0) {
                throw new SpeechException(command.getFirst() + " exited with " + process.exitValue());
            }
            return new String(output.get(5, TimeUnit.SECONDS), java.nio.charset.StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new SpeechException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            throw new SpeechException(command.getFirst() + " output unreadable", e);
        }
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) != -1) {
            if (out.size() < MAX_OUTPUT) {
                out.write(buffer, 0, Math.min(n, MAX_OUTPUT - out.size()));
            }
        }
        return out.toByteArray();
    }

    /** A private temporary file deleted after use. */
    static Path tempFile(String suffix) {
        try {
            return Files.createTempFile("parley-voice-", suffix);
        } catch (IOException e) {
            throw new SpeechException("no temporary file", e);
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // The temporary directory is cleaned by the system.
        }
    }
}
