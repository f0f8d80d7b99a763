package dev.parley.files;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where the bytes of files and archives live, by key ({@code files/<workspace>/<id>}). The local disk under
 * {@code PARLEY_DATA_DIR/files} is the implementation today; an S3-compatible store is the next one, behind the same
 * port.
 */
public interface FileStore {

    /** Stores the bytes under {@code key}, replacing what was there; readers never see a half-written value. */
    void put(String key, InputStream content) throws IOException;

    /** @throws java.io.FileNotFoundException when nothing is stored under {@code key} */
    InputStream open(String key) throws IOException;

    /** Removes the value; false when there was none. */
    boolean delete(String key) throws IOException;

    boolean exists(String key);
}
