-- When each link was sent, kept when its status moves on (completed, expired, replaced).
ALTER TABLE reset_request ADD COLUMN sent_at TIMESTAMP WITH TIME ZONE;
UPDATE reset_request SET sent_at = requested_at WHERE status IN ('SENT', 'COMPLETED', 'EXPIRED');
-- Each user's latest reset attempt, so the users list shows and filters its status with a join, not a subquery.
ALTER TABLE crm_user ADD COLUMN last_reset_request_id BIGINT REFERENCES reset_request (id);
UPDATE crm_user SET last_reset_request_id = (
    SELECT r.id FROM reset_request r WHERE r.crm_user_id = crm_user.id ORDER BY r.requested_at DESC, r.id DESC LIMIT 1);
-- The hourly limit counts a user's recent requests; the expiry sweep looks for open links past their expiry.
CREATE INDEX reset_request_status_expiry ON reset_request (status, expires_at);
-- The audit log pages through all attempts, newest first.
CREATE INDEX reset_request_time ON reset_request (requested_at, id);
