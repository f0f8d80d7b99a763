-- The speech engines and output format each workspace's voice sessions use when a session's preferences name none.
-- A null engine means the node's first available one; no row means defaults throughout.

CREATE TABLE voice_settings (
    workspace_id    VARCHAR(64)  PRIMARY KEY REFERENCES workspaces (id),
    speech_to_text  VARCHAR(32),   -- pocketsphinx | sphinx4 | openai
    text_to_speech  VARCHAR(32),   -- festival | freetts | openai
    audio_format    VARCHAR(16)  NOT NULL,   -- wav | pcm16 | mp3
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
