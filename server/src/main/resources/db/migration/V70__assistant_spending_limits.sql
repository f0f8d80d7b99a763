-- What the assistant itself has given away of a store's money, so the store's policy holds over every tool call,
-- conversation and node: the total it refunded on each order (raised only by a conditional update that keeps it
-- within the store's auto_refund_limit), and the apology discount codes it gave, one per conversation and one per
-- customer (a primary key each, so concurrent calls cannot both take one; the customer is a hash of their email).
CREATE TABLE assistant_refunds (
    workspace_id   VARCHAR(64)    NOT NULL REFERENCES workspaces (id),
    mode           VARCHAR(8)     NOT NULL,
    order_id       VARCHAR(255)   NOT NULL,           -- the platform's own id of the order (a Shopify GID, ...)
    order_number   VARCHAR(64)    NOT NULL,
    refunded       NUMERIC(14, 2) NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (workspace_id, mode, order_id)
);

CREATE TABLE assistant_discounts (
    workspace_id   VARCHAR(64)    NOT NULL REFERENCES workspaces (id),
    mode           VARCHAR(8)     NOT NULL,
    holder         VARCHAR(200)   NOT NULL,           -- conversation:<id> | customer:<sha-256 hex of the email>
    code           VARCHAR(64)    NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (workspace_id, mode, holder)
);
