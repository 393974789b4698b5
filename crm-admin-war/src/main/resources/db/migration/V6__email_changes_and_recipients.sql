-- Who changed a user's email address, when, from what to what (both masked): an admin could otherwise point a
-- user's address at a mailbox they read, send a link, and change it back without a trace.
CREATE SEQUENCE email_change_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE email_change (
    id          BIGINT PRIMARY KEY,
    crm_user_id BIGINT NOT NULL REFERENCES crm_user (id),
    changed_by  VARCHAR(255) NOT NULL,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    old_email   VARCHAR(330),
    new_email   VARCHAR(330) NOT NULL,
    in_keycloak BOOLEAN NOT NULL
);
CREATE INDEX email_change_time ON email_change (changed_at, id);
CREATE INDEX email_change_user ON email_change (crm_user_id, changed_at);

-- Where each reset attempt was addressed (masked), as the CRM knew it when the admin clicked.
ALTER TABLE reset_request ADD COLUMN recipient VARCHAR(330);
