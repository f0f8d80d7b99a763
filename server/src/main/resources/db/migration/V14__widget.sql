-- The chat widget: one configuration per workspace (its look, texts and behaviour; the allowed domains are the
-- workspace's own) and the automation triggers that open it with a message.
CREATE TABLE widget_configs (
    workspace_id  VARCHAR(64)   PRIMARY KEY,
    config        VARCHAR(8000) NOT NULL,   -- JSON, validated by the widget module
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE widget_triggers (
    id               VARCHAR(64)   PRIMARY KEY,
    workspace_id     VARCHAR(64)   NOT NULL,
    name             VARCHAR(200)  NOT NULL,
    trigger_condition VARCHAR(16)  NOT NULL,   -- page_load, exit_intent, delay
    delay_seconds    INTEGER       NOT NULL,
    message          VARCHAR(1000) NOT NULL,
    url_pattern      VARCHAR(500)  NOT NULL,
    active           BOOLEAN       NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX widget_triggers_by_workspace ON widget_triggers (workspace_id, created_at);
