-- When each connected store's cached orders are next refreshed from the store (besides its webhooks); claimed by
-- one node at a time, so a refresh is queued once whatever the number of nodes.
ALTER TABLE store_connections ADD COLUMN next_refresh_at TIMESTAMP WITH TIME ZONE;
