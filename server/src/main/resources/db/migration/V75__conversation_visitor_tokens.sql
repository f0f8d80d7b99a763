-- A conversation opened by the widget's publishable key is bound to its visitor: the SHA-256 of a token only the
-- widget holds. A publishable key reaches a conversation only with that token. A seed 004 session's token binds the
-- session's conversation the same way.

ALTER TABLE conversations ADD COLUMN visitor_token_hash VARCHAR(64);

UPDATE conversations SET visitor_token_hash =
    (SELECT MAX(s.token_hash) FROM sessions s WHERE s.conversation_id = conversations.id)
 WHERE EXISTS (SELECT 1 FROM sessions s WHERE s.conversation_id = conversations.id);
