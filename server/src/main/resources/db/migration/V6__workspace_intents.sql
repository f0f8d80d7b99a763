-- A workspace's own intents, trained with the built-in ones.
CREATE TABLE workspace_intents (
    workspace_id  VARCHAR(64)  NOT NULL,
    mode          VARCHAR(8)   NOT NULL,
    name          VARCHAR(64)  NOT NULL,
    description   VARCHAR(500),
    examples      VARCHAR(200000) NOT NULL,  -- JSON array of strings
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (workspace_id, mode, name)
);
