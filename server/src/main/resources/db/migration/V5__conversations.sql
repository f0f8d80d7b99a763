-- Conversations: contacts (customers), conversations and their messages. Every row carries its workspace and mode.

CREATE TABLE contacts (
    id            VARCHAR(64)   PRIMARY KEY,
    workspace_id  VARCHAR(64)   NOT NULL,
    mode          VARCHAR(8)    NOT NULL,
    email         VARCHAR(254),
    name          VARCHAR(200),
    phone         VARCHAR(40),
    external_id   VARCHAR(200),
    metadata      VARCHAR(20000) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX contacts_by_email ON contacts (workspace_id, mode, email);
CREATE INDEX contacts_by_external_id ON contacts (workspace_id, mode, external_id);

CREATE TABLE conversations (
    id                  VARCHAR(64)   PRIMARY KEY,
    workspace_id        VARCHAR(64)   NOT NULL,
    mode                VARCHAR(8)    NOT NULL,
    contact_id          VARCHAR(64)   REFERENCES contacts (id),
    channel             VARCHAR(16)   NOT NULL,
    status              VARCHAR(16)   NOT NULL,   -- active, assigned, escalated, resolved, closed
    priority            VARCHAR(8)    NOT NULL,   -- low, normal, high, urgent
    primary_intent      VARCHAR(64),
    sentiment           VARCHAR(16),
    order_id            VARCHAR(64),
    assigned_to         VARCHAR(64),
    tags                VARCHAR(4000) NOT NULL,
    notes               VARCHAR(10000),
    facts               VARCHAR(10000) NOT NULL,
    context             VARCHAR(20000) NOT NULL,
    ticket_id           VARCHAR(64),
    escalation_reason   VARCHAR(500),
    resolution_summary  VARCHAR(2000),
    resolution_type     VARCHAR(16),
    csat_score          INTEGER,
    message_count       INTEGER       NOT NULL,
    resolved_at         TIMESTAMP WITH TIME ZONE,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX conversations_by_workspace ON conversations (workspace_id, mode, created_at);
CREATE INDEX conversations_by_status ON conversations (workspace_id, mode, status, updated_at);

CREATE TABLE messages (
    id               VARCHAR(64)   PRIMARY KEY,
    workspace_id     VARCHAR(64)   NOT NULL,
    mode             VARCHAR(8)    NOT NULL,
    conversation_id  VARCHAR(64)   NOT NULL REFERENCES conversations (id),
    role             VARCHAR(16)   NOT NULL,   -- user, assistant, agent, system
    content          VARCHAR(60000) NOT NULL,
    analysis         VARCHAR(10000),
    actions          VARCHAR(60000) NOT NULL,
    sources          VARCHAR(20000) NOT NULL,
    attachments      VARCHAR(10000) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX messages_by_conversation ON messages (conversation_id, created_at, id);
