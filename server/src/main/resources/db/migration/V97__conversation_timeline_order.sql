-- The order things happened in a conversation, across its messages and its assignments: several can share an
-- instant (an agent takes a conversation and replies in one transaction), and the transcript tells them in the
-- order they were written. One sequence for both tables, so the numbers compare.
CREATE SEQUENCE conversation_timeline;
ALTER TABLE messages ADD COLUMN seq BIGINT DEFAULT nextval('conversation_timeline');
ALTER TABLE conversation_assignments ADD COLUMN assigned_seq BIGINT DEFAULT nextval('conversation_timeline');
ALTER TABLE conversation_assignments ADD COLUMN ended_seq BIGINT;
