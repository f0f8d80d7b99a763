-- Durable background work, shared by every node: claimed with FOR UPDATE SKIP LOCKED and a lease.
CREATE TABLE jobs (
    id            VARCHAR(64)  PRIMARY KEY,
    workspace_id  VARCHAR(64)  NOT NULL,
    mode          VARCHAR(8)   NOT NULL,
    type          VARCHAR(64)  NOT NULL,
    status        VARCHAR(16)  NOT NULL,   -- queued, running, succeeded, failed, cancelling, cancelled
    payload       VARCHAR(100000) NOT NULL,
    state         VARCHAR(1000000) NOT NULL,
    attempts      INTEGER      NOT NULL,
    run_after     TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_owner   VARCHAR(64),
    lease_until   TIMESTAMP WITH TIME ZONE,
    last_error    VARCHAR(2000),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE,
    finished_at   TIMESTAMP WITH TIME ZONE,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX jobs_due ON jobs (status, run_after);
CREATE INDEX jobs_by_workspace ON jobs (workspace_id, mode, type, created_at);
