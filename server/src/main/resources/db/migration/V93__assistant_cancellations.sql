-- The orders the assistant has cancelled, one row each (a primary key, so two concurrent requests to cancel one order
-- cannot both reach the store, and asking again does not cancel again). A row is written before the store is asked
-- and removed when the store fails, so it stands for a cancellation the store made.
CREATE TABLE assistant_cancellations (
    workspace_id   VARCHAR(64)    NOT NULL REFERENCES workspaces (id),
    mode           VARCHAR(8)     NOT NULL,
    order_id       VARCHAR(255)   NOT NULL,           -- the platform's own id of the order (a Shopify GID, ...)
    order_number   VARCHAR(64)    NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (workspace_id, mode, order_id)
);
