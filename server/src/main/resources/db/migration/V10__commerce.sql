-- Commerce: each workspace's store connection (credentials only sealed with the server's key), the order cache the
-- API, the tools and the inbound webhooks share, the webhook deliveries already processed, and the helpdesk
-- (Gorgias) connection with the tickets it opened.

CREATE TABLE store_connections (
    workspace_id           VARCHAR(64)   PRIMARY KEY REFERENCES workspaces (id),
    platform               VARCHAR(20)   NOT NULL,   -- demo | shopify | woocommerce
    shop_domain            VARCHAR(255),             -- the store's own host, as its webhooks name it
    base_url               VARCHAR(2000),
    credentials_encrypted  VARCHAR(8000),
    max_discount_percent   INTEGER       NOT NULL,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX store_connections_shop ON store_connections (platform, shop_domain);

CREATE TABLE commerce_orders (
    workspace_id   VARCHAR(64)   NOT NULL REFERENCES workspaces (id),
    mode           VARCHAR(8)    NOT NULL,
    order_number   VARCHAR(64)   NOT NULL,
    email          VARCHAR(320),
    status         VARCHAR(32)   NOT NULL,
    placed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    data           TEXT          NOT NULL,           -- the order as JSON
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (workspace_id, mode, order_number)
);
CREATE INDEX commerce_orders_email ON commerce_orders (workspace_id, mode, email);
CREATE INDEX commerce_orders_placed ON commerce_orders (workspace_id, mode, placed_at);

CREATE TABLE commerce_webhook_receipts (
    workspace_id   VARCHAR(64)   NOT NULL REFERENCES workspaces (id),
    source         VARCHAR(20)   NOT NULL,           -- shopify | woocommerce | gorgias
    delivery_id    VARCHAR(200)  NOT NULL,
    received_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (workspace_id, source, delivery_id)
);

CREATE TABLE helpdesk_connections (
    workspace_id           VARCHAR(64)   PRIMARY KEY REFERENCES workspaces (id),
    platform               VARCHAR(20)   NOT NULL,   -- gorgias
    base_url               VARCHAR(2000) NOT NULL,
    credentials_encrypted  VARCHAR(8000) NOT NULL,
    webhook_secret_encrypted VARCHAR(8000) NOT NULL,
    mode                   VARCHAR(20)   NOT NULL,   -- bidirectional | outbound
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE helpdesk_tickets (
    workspace_id     VARCHAR(64)   NOT NULL REFERENCES workspaces (id),
    mode             VARCHAR(8)    NOT NULL,
    ticket_id        VARCHAR(64)   NOT NULL,
    conversation_id  VARCHAR(64)   NOT NULL,
    customer_email   VARCHAR(320),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (workspace_id, ticket_id)
);
CREATE INDEX helpdesk_tickets_conversation ON helpdesk_tickets (workspace_id, conversation_id);
