package dev.parley.files.internal;

import dev.parley.files.FileStore;
import dev.parley.platform.BodyLimit;
import dev.parley.platform.PublicPath;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The file store, and the two paths served by signature instead of a key: uploads and downloads. */
@Configuration(proxyBeanMethods = false)
class FilesConfiguration {

    static final String UPLOADS = "/v1/files/uploads/";
    static final String CONTENT = "/v1/files/content/";

    @Bean
    FileStore fileStore(FilesProperties properties, @Value("${parley.data-dir:./data}") String dataDir) {
        Path root = properties.dir().isBlank() ? Path.of(dataDir, "files") : Path.of(properties.dir());
        return new LocalFileStore(root);
    }

    @Bean
    PublicPath fileUploads() {
        return new PublicPath(UPLOADS);
    }

    @Bean
    PublicPath fileDownloads() {
        return new PublicPath(CONTENT);
    }

    /** An upload's body may be as large as a file may be; the handler holds it to the size declared. */
    @Bean
    BodyLimit fileUploadLimit(FilesProperties properties) {
        return new BodyLimit(UPLOADS, properties.maxFileSize());
    }
}
