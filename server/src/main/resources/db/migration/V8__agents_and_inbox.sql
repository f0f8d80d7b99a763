-- The human side of conversations: console users (agents and admins), their sign-in sessions, who held which
-- conversation when (for agent stats and round-robin assignment), customer feedback, and message authors.

CREATE TABLE agents (
    id                VARCHAR(64)   PRIMARY KEY,
    workspace_id      VARCHAR(64)   NOT NULL,
    name              VARCHAR(200)  NOT NULL,
    email             VARCHAR(254)  NOT NULL,
    role              VARCHAR(16)   NOT NULL,   -- admin, agent
    status            VARCHAR(16)   NOT NULL,   -- online, away, offline
    capacity          INTEGER       NOT NULL,   -- concurrent chats
    password_hash     VARCHAR(300)  NOT NULL,   -- pbkdf2_sha512$iterations$salt$hash
    active            BOOLEAN       NOT NULL,
    failed_logins     INTEGER       NOT NULL,
    locked_until      TIMESTAMP WITH TIME ZONE,
    last_assigned_at  TIMESTAMP WITH TIME ZONE,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    deactivated_at    TIMESTAMP WITH TIME ZONE
);
-- One email signs in to one console user, across every workspace of the installation.
CREATE UNIQUE INDEX agents_by_email ON agents (email);
CREATE INDEX agents_by_workspace ON agents (workspace_id, active, status);

CREATE TABLE console_sessions (
    id            VARCHAR(64)  PRIMARY KEY,
    workspace_id  VARCHAR(64)  NOT NULL,
    agent_id      VARCHAR(64)  NOT NULL REFERENCES agents (id),
    mode          VARCHAR(8)   NOT NULL,
    token_hash    VARCHAR(64)  NOT NULL UNIQUE,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX console_sessions_by_agent ON console_sessions (agent_id);

ALTER TABLE conversations ADD COLUMN resolved_by VARCHAR(64);
ALTER TABLE conversations ADD COLUMN closed_at TIMESTAMP WITH TIME ZONE;
-- The last time an agent read or answered the conversation: customer messages after it are unread.
ALTER TABLE conversations ADD COLUMN agent_read_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX conversations_by_assignee ON conversations (workspace_id, assigned_to, status);

ALTER TABLE messages ADD COLUMN author_id VARCHAR(64);
ALTER TABLE messages ADD COLUMN author_name VARCHAR(200);

-- One row per time a conversation was given to an agent; ended_at when it left them.
CREATE TABLE conversation_assignments (
    id                 VARCHAR(64)  PRIMARY KEY,
    workspace_id       VARCHAR(64)  NOT NULL,
    mode               VARCHAR(8)   NOT NULL,
    conversation_id    VARCHAR(64)  NOT NULL REFERENCES conversations (id),
    agent_id           VARCHAR(64)  NOT NULL,
    assigned_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    first_response_at  TIMESTAMP WITH TIME ZONE,
    resolved_at        TIMESTAMP WITH TIME ZONE,
    ended_at           TIMESTAMP WITH TIME ZONE
);
CREATE INDEX assignments_by_agent ON conversation_assignments (workspace_id, agent_id, assigned_at);
CREATE INDEX assignments_by_conversation ON conversation_assignments (conversation_id, ended_at);

CREATE TABLE feedback (
    id               VARCHAR(64)   PRIMARY KEY,
    workspace_id     VARCHAR(64)   NOT NULL,
    mode             VARCHAR(8)    NOT NULL,
    conversation_id  VARCHAR(64)   NOT NULL REFERENCES conversations (id),
    agent_id         VARCHAR(64),   -- who held the conversation, if anyone
    rating           INTEGER       NOT NULL,
    comment          VARCHAR(2000),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX feedback_by_agent ON feedback (workspace_id, agent_id, created_at);
CREATE INDEX feedback_by_conversation ON feedback (conversation_id);
