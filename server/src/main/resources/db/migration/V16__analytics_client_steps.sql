-- Clients' own events keep what the journey and funnel reports read as columns, so those reports read no JSON:
-- the step of a visitor's path (a page view's page type or path, else the event's name), the visitor, the domain.
ALTER TABLE analytics_events ADD COLUMN step VARCHAR(200);
ALTER TABLE analytics_events ADD COLUMN visitor_id VARCHAR(200);
ALTER TABLE analytics_events ADD COLUMN domain VARCHAR(253);
