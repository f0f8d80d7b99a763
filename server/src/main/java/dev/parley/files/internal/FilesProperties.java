package dev.parley.files.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the files module ({@code parley.files.*}).
 *
 * @param maxFileSize the largest file accepted ({@code PARLEY_MAX_FILE_SIZE})
 * @param dir where the local store keeps bytes; empty for {@code PARLEY_DATA_DIR/files} ({@code PARLEY_FILES_DIR})
 * @param uploadUrlTtl how long an upload URL works
 * @param downloadUrlTtl how long a download link works
 * @param messageLinkTtl how long the download link in a message the team sent works: the customer reads it later
 * @param unattachedTtl how long an uploaded file waits for {@code /v1/files/confirm} before it is deleted
 * @param s3 an S3-compatible store, used instead of the local disk when its endpoint is set
 */
@ConfigurationProperties("parley.files")
record FilesProperties(
        @DefaultValue("10MB") DataSize maxFileSize,
        @DefaultValue("") String dir,
        @DefaultValue("15m") Duration uploadUrlTtl,
        @DefaultValue("1h") Duration downloadUrlTtl,
        @DefaultValue("30d") Duration messageLinkTtl,
        @DefaultValue("24h") Duration unattachedTtl,
        @DefaultValue S3 s3) {

    /**
     * An S3-compatible bucket ({@code PARLEY_S3_*}).
     *
     * @param endpoint e.g. {@code https://s3.eu-central-1.amazonaws.com}; empty keeps files on the local disk
     * @param pathStyle {@code https://endpoint/bucket/key} (MinIO and most self-hosted stores) instead of
     *     {@code https://bucket.endpoint/key}
     * @param timeout how long one request to the store may take
     */
    record S3(
            @DefaultValue("") String endpoint,
            @DefaultValue("us-east-1") String region,
            @DefaultValue("") String bucket,
            @DefaultValue("") String accessKey,
            @DefaultValue("") String secretKey,
            @DefaultValue("false") boolean pathStyle,
            @DefaultValue("30s") Duration timeout) {

        boolean configured() {
            return !endpoint.isBlank();
        }
    }
}
