-- The client address (as derived under the configured trusted proxies) on every audit event made in
-- a request; background jobs leave it empty.
ALTER TABLE audit_event ADD COLUMN client_ip text;

-- Serves the clean-up of sessions past their absolute lifetime.
CREATE INDEX session_created ON session (created_at);
