-- Sessions (seed 004): a live session of a customer, one conversation, and the short-lived token its socket opens with.
CREATE TABLE sessions (
    id               VARCHAR(64)  PRIMARY KEY,
    workspace_id     VARCHAR(64)  NOT NULL,
    mode             VARCHAR(8)   NOT NULL,
    conversation_id  VARCHAR(64)  NOT NULL REFERENCES conversations (id),
    user_id          VARCHAR(200),
    metadata         VARCHAR(20000) NOT NULL,
    token_hash       VARCHAR(64)  NOT NULL UNIQUE,
    status           VARCHAR(16)  NOT NULL,   -- active, ended
    expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX sessions_by_workspace ON sessions (workspace_id, mode, started_at);
