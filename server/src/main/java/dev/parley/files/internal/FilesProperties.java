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
 * @param unattachedTtl how long an uploaded file waits for {@code /v1/files/confirm} before it is deleted
 */
@ConfigurationProperties("parley.files")
record FilesProperties(
        @DefaultValue("10MB") DataSize maxFileSize,
        @DefaultValue("") String dir,
        @DefaultValue("15m") Duration uploadUrlTtl,
        @DefaultValue("1h") Duration downloadUrlTtl,
        @DefaultValue("24h") Duration unattachedTtl) {}
