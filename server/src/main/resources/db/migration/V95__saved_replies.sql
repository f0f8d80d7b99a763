-- Saved replies (canned responses): text an agent inserts by its shortcut, with {{variables}} filled per conversation.
-- Scoped to a workspace and mode like every table; only live keys and console users write them.

CREATE TABLE saved_replies (
    id            VARCHAR(64)   PRIMARY KEY,
    workspace_id  VARCHAR(64)   NOT NULL,
    mode          VARCHAR(8)    NOT NULL,
    shortcut      VARCHAR(40)   NOT NULL,
    content       VARCHAR(4000) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX saved_replies_by_shortcut ON saved_replies (workspace_id, mode, shortcut);
