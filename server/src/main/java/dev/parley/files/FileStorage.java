package dev.parley.files;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where the bytes of files and archives live, by key ({@code files/<workspace>/<id>}). The local disk under
 * {@code PARLEY_DATA_DIR/files} is the implementation today; an S3-compatible store is the next one, behind the same
 * port.
 */
public interface FileStorage {

    /** Stores the bytes under {@code key}, replacing what was there; readers never see a half-written value. */
    void put(String key, InputStream content) throws IOException;

    /** @throws java.io.FileNotFoundException when nothing is stored under {@code key} */
    InputStream open(String key) throws IOException;

    /** Removes the value; false when there was none. */
    boolean delete(String key) throws IOException;

    boolean exists(String key);

    /**
     * Removes the values once the surrounding transaction commits (at once outside one), so bytes go only when the
     * rows that referred to them are gone for good: a rolled-back erasure keeps both.
     */
    default void deleteAfterCommit(Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deleteQuietly(keys);
                }
            });
        } else {
            deleteQuietly(keys);
        }
    }

    /** Removes the values, logging (not throwing) a failure: nothing refers to them any more, so a sweep may retry. */
    default void deleteQuietly(Collection<String> keys) {
        for (String key : keys) {
            try {
                delete(key);
            } catch (IOException | RuntimeException e) {
                LoggerFactory.getLogger(FileStorage.class)
                        .warn("Deleting stored bytes {} failed; nothing refers to them any more", key, e);
            }
        }
    }
}
