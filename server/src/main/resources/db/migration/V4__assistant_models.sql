-- The language model each workspace's assistant uses, if any. The provider's API key is stored only encrypted
-- (AES-GCM under the server's secret key, bound to the workspace); no row means the offline engine.

CREATE TABLE assistant_models (
    workspace_id       VARCHAR(64)   PRIMARY KEY REFERENCES workspaces (id),
    provider           VARCHAR(32)   NOT NULL,   -- openai | openai_compatible | azure_openai | anthropic | none
    base_url           VARCHAR(2000),
    model              VARCHAR(200),
    api_key_encrypted  VARCHAR(8000),
    temperature        DOUBLE PRECISION,
    timeout_ms         INTEGER       NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
