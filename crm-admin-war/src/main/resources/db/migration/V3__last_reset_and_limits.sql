-- Each user's latest reset attempt, so the users list shows and filters its status with a join, not a subquery.
ALTER TABLE crm_user ADD COLUMN last_reset_request_id BIGINT REFERENCES reset_request (id);
UPDATE crm_user SET last_reset_request_id = (
    SELECT r.id FROM reset_request r WHERE r.crm_user_id = crm_user.id ORDER BY r.requested_at DESC, r.id DESC LIMIT 1);
-- The hourly limit counts a user's recent requests; the expiry sweep looks for open links past their expiry.
CREATE INDEX reset_request_status_expiry ON reset_request (status, expires_at);
