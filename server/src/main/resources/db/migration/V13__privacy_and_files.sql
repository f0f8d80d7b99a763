-- Privacy (GDPR erasure and export, retention) and files (uploads by signed URL).

-- When a conversation's personal data was erased (by a customer's request or by retention); its shell stays, so
-- counts and agent statistics stay right, and retention does not pick it again.
ALTER TABLE conversations ADD COLUMN erased_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX conversations_by_activity ON conversations (workspace_id, mode, updated_at);

-- The audit of erasures: no personal data, only a keyed hash of the email and what each module erased.
CREATE TABLE privacy_erasures (
    id             VARCHAR(64)   PRIMARY KEY,
    workspace_id   VARCHAR(64)   NOT NULL,
    mode           VARCHAR(8)    NOT NULL,
    trigger_kind   VARCHAR(16)   NOT NULL,   -- request, retention
    subject_hash   VARCHAR(64),              -- HMAC-SHA256 of the normalized email under the installation key
    contact_id     VARCHAR(64),              -- the erased contact's id, which no longer names anyone
    reason         VARCHAR(64),
    counts         VARCHAR(4000) NOT NULL,   -- JSON: what each module erased
    requested_by   VARCHAR(64),              -- the key or console user that asked
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX privacy_erasures_by_subject ON privacy_erasures (workspace_id, mode, subject_hash);
CREATE INDEX privacy_erasures_by_contact ON privacy_erasures (workspace_id, mode, contact_id);
CREATE INDEX privacy_erasures_by_time ON privacy_erasures (workspace_id, mode, created_at);

-- Data exports (seed 000): one job each, an archive on the file store, served by an expiring signed link.
CREATE TABLE privacy_exports (
    id                     VARCHAR(64)   PRIMARY KEY,
    workspace_id           VARCHAR(64)   NOT NULL,
    mode                   VARCHAR(8)    NOT NULL,
    contact_id             VARCHAR(64),
    subject_email          VARCHAR(254),   -- erased with the customer
    subject_user_id        VARCHAR(200),   -- erased with the customer
    include_conversations  BOOLEAN       NOT NULL,
    include_analytics      BOOLEAN       NOT NULL,
    status                 VARCHAR(16)   NOT NULL,   -- processing, completed, failed, expired
    job_id                 VARCHAR(64),
    progress               INTEGER       NOT NULL,   -- percent
    archive_key            VARCHAR(300),
    archive_bytes          BIGINT,
    error                  VARCHAR(500),
    requested_by           VARCHAR(64),
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at           TIMESTAMP WITH TIME ZONE,
    expires_at             TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX privacy_exports_by_subject ON privacy_exports (workspace_id, mode, contact_id, status);
CREATE INDEX privacy_exports_by_expiry ON privacy_exports (status, expires_at);

-- One row per workspace: when retention last swept it, claimed by one node at a time.
CREATE TABLE privacy_retention_runs (
    workspace_id  VARCHAR(64)  PRIMARY KEY,
    last_run_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Uploaded files (seed 003): pending until the signed upload arrives, then uploaded, then attached to a conversation.
CREATE TABLE files (
    id               VARCHAR(64)   PRIMARY KEY,
    workspace_id     VARCHAR(64)   NOT NULL,
    mode             VARCHAR(8)    NOT NULL,
    filename         VARCHAR(255)  NOT NULL,
    declared_type    VARCHAR(100)  NOT NULL,
    declared_bytes   BIGINT        NOT NULL,
    content_type     VARCHAR(100),              -- sniffed from the bytes
    size_bytes       BIGINT,
    sha256           VARCHAR(64),
    status           VARCHAR(16)   NOT NULL,   -- pending, uploading, uploaded, rejected, attached
    storage_key      VARCHAR(300),
    conversation_id  VARCHAR(64),
    upload_expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    uploaded_at      TIMESTAMP WITH TIME ZONE,
    attached_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX files_by_conversation ON files (workspace_id, mode, conversation_id);
CREATE INDEX files_by_status ON files (status, upload_expires_at);
