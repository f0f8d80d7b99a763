package dev.parley.files.internal;

import dev.parley.files.FileStorage;
import dev.parley.platform.BodyLimit;
import dev.parley.platform.PublicPath;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The file storage (an S3-compatible bucket when configured, else the local disk), and the two paths served by signature instead of a key: uploads and downloads. */
@Configuration(proxyBeanMethods = false)
class FilesConfiguration {

    static final String UPLOADS = "/v1/files/uploads/";
    static final String CONTENT = "/v1/files/content/";

    @Bean
    FileStorage fileStorage(FilesProperties properties, @Value("${parley.data-dir:./data}") String dataDir) {
        FilesProperties.S3 s3 = properties.s3();
        if (s3.configured()) {
            if (s3.bucket().isBlank()
                    || s3.accessKey().isBlank()
                    || s3.secretKey().isBlank()) {
                throw new IllegalStateException(
                        "PARLEY_S3_ENDPOINT is set: PARLEY_S3_BUCKET, PARLEY_S3_ACCESS_KEY and PARLEY_S3_SECRET_KEY are"
                                + " needed too");
            }
            // Signatures carry real time, which the store checks; the application clock may be a test's.
            return new S3FileStorage(s3, Clock.systemUTC());
        }
        Path root = properties.dir().isBlank() ? Path.of(dataDir, "files") : Path.of(properties.dir());
        return new LocalFileStorage(root);
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
