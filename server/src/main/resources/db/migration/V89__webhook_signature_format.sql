-- How X-Webhook-Signature spells the body's HMAC: sha256_prefixed (sha256=<hex>, seed 002) or hex (seed 000).
-- events now keeps the names a subscription was created with (seed 003's chat.created beside conversation.created).
ALTER TABLE webhook_subscriptions ADD COLUMN signature_format VARCHAR(32) DEFAULT 'sha256_prefixed' NOT NULL;
