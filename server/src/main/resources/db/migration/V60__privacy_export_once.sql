-- At most one export of the same customer with the same options is being made at a time: concurrent requests race
-- to insert the same key, and the losers answer with the winner's export. Cleared once the export is done, failed
-- or expired (NULLs never collide), so the customer can ask again later.
ALTER TABLE privacy_exports ADD COLUMN running_key VARCHAR(64);
CREATE UNIQUE INDEX privacy_exports_running ON privacy_exports (running_key);
