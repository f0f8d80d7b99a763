-- Portable between H2 (PostgreSQL mode) and PostgreSQL: no RETURNING, no vendor types.

CREATE TABLE workspaces (
    id              VARCHAR(64)  PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    domains         VARCHAR(8000) NOT NULL,   -- JSON array of allowed domains
    platform        VARCHAR(32)  NOT NULL,
    plan            VARCHAR(32)  NOT NULL,
    quota_per_hour  BIGINT,
    settings        VARCHAR(20000) NOT NULL,  -- JSON, validated by the tenancy module
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE api_keys (
    id            VARCHAR(64)  PRIMARY KEY,
    workspace_id  VARCHAR(64)  NOT NULL REFERENCES workspaces (id),
    type          VARCHAR(16)  NOT NULL,      -- secret | publishable
    mode          VARCHAR(8)   NOT NULL,      -- live | test
    name          VARCHAR(200),
    scopes        VARCHAR(2000) NOT NULL,     -- space-separated
    key_hash      VARCHAR(64)  NOT NULL UNIQUE,
    masked        VARCHAR(64)  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX api_keys_by_workspace ON api_keys (workspace_id, mode, created_at);

CREATE TABLE idempotency_records (
    workspace_id           VARCHAR(64)  NOT NULL,
    mode                   VARCHAR(8)   NOT NULL,
    idempotency_key        VARCHAR(255) NOT NULL,
    request_hash           VARCHAR(64)  NOT NULL,
    completed              BOOLEAN      NOT NULL,
    response_status        INTEGER,
    response_content_type  VARCHAR(200),
    response_body          VARCHAR(1048576),
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (workspace_id, mode, idempotency_key)
);

-- One-off facts about the installation, such as "bootstrapped", claimed by the first node to start.
CREATE TABLE installation_facts (
    name        VARCHAR(64) PRIMARY KEY,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
