-- A system message's analysis carries an escalation's notes (up to 10,000 characters) as JSON: escaping can make
-- that longer than the column's old 10,000.
ALTER TABLE messages ALTER COLUMN analysis SET DATA TYPE VARCHAR(60000);
