package dev.parley.files.internal;

import dev.parley.files.FileStorage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

/** Files on the local disk, one per key, written to a temporary file first and moved into place. */
final class LocalFileStorage implements FileStorage {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_.-]+)*");

    private final Path root;

    LocalFileStorage(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void put(String key, InputStream content) throws IOException {
        Path target = path(key);
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
        try {
            Files.copy(content, temporary, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        Path path = path(key);
        if (!Files.isRegularFile(path)) {
            throw new java.io.FileNotFoundException(key);
        }
        return Files.newInputStream(path);
    }

    @Override
    public boolean delete(String key) throws IOException {
        return Files.deleteIfExists(path(key));
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(path(key));
    }

    /** Keys are Parley's own, but a key that could leave the root is refused all the same. */
    private Path path(String key) {
        if (key == null || !KEY.matcher(key).matches() || key.contains("..")) {
            throw new IllegalArgumentException("Not a storage key: " + key);
        }
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("Not a storage key: " + key);
        }
        return path;
    }
}
