package dev.parley.voice.internal;

import dev.parley.platform.Sql;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The workspaces' voice settings, one row per workspace. */
@Repository
class VoiceSettingsRows {

    private final JdbcClient jdbc;

    VoiceSettingsRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<VoiceSettings> find(String workspaceId) {
        return jdbc.sql("SELECT * FROM voice_settings WHERE workspace_id = ?")
                .param(workspaceId)
                .query((rs, row) -> new VoiceSettings(
                        rs.getString("speech_to_text"),
                        rs.getString("text_to_speech"),
                        rs.getString("audio_format"),
                        Sql.instant(rs, "updated_at")))
                .optional();
    }

    void save(String workspaceId, VoiceSettings settings) {
        int updated = jdbc.sql("""
                        UPDATE voice_settings SET speech_to_text = ?, text_to_speech = ?, audio_format = ?,
                            updated_at = ?
                        WHERE workspace_id = ?""")
                .params(
                        settings.speechToText(),
                        settings.textToSpeech(),
                        settings.audioFormat(),
                        Sql.timestamp(settings.updatedAt()),
                        workspaceId)
                .update();
        if (updated > 0) {
            return;
        }
        try {
            jdbc.sql("""
                            INSERT INTO voice_settings (workspace_id, speech_to_text, text_to_speech, audio_format,
                                updated_at)
                            VALUES (?, ?, ?, ?, ?)""")
                    .params(
                            workspaceId,
                            settings.speechToText(),
                            settings.textToSpeech(),
                            settings.audioFormat(),
                            Sql.timestamp(settings.updatedAt()))
                    .update();
        } catch (DuplicateKeyException concurrentFirstSave) {
            save(workspaceId, settings);
        }
    }
}
