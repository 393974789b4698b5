-- An attempt is a plain reset link, or a lock-out: the link, then the old password removed and every session ended.
ALTER TABLE reset_request ADD COLUMN kind VARCHAR(20) DEFAULT 'LINK' NOT NULL;
-- How far a lock-out got after its link was sent (null before, and for plain links), and why it stopped short.
ALTER TABLE reset_request ADD COLUMN lock_out VARCHAR(30);
ALTER TABLE reset_request ADD COLUMN lock_out_failure VARCHAR(40);
