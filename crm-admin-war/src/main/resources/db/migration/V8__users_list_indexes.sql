-- The users list at 100,000 users: each sort and each filter reads an index in the list's order instead of sorting
-- every row. Ties are broken by the unique username rather than the id, because H2 reads an index only one way and
-- appends the primary key ascending, so no index of it can serve "id DESC"; the name and email orders therefore have
-- an index for each direction (a page past the middle is read from the end, in the reverse order). The filter by
-- last reset status finds the users of the few matching reset requests through last_reset_request_id. Filtered by
-- status, the list is read in name order (both ways) from an index that starts with the status.
DROP INDEX crm_user_name;
DROP INDEX crm_user_status_name;
CREATE INDEX crm_user_name ON crm_user (last_name, first_name, username);
CREATE INDEX crm_user_name_desc ON crm_user (last_name DESC, first_name DESC, username DESC);
CREATE INDEX crm_user_email ON crm_user (email, username);
CREATE INDEX crm_user_email_desc ON crm_user (email DESC, username DESC);
CREATE INDEX crm_user_status_name ON crm_user (status, last_name, first_name, username);
CREATE INDEX crm_user_status_name_desc ON crm_user (status, last_name DESC, first_name DESC, username DESC);
CREATE INDEX crm_user_status_desc_name ON crm_user (status DESC, last_name, first_name, username);
CREATE INDEX crm_user_role_name ON crm_user (role, last_name, first_name, username);
CREATE INDEX crm_user_role_desc_name ON crm_user (role DESC, last_name, first_name, username);
CREATE INDEX crm_user_last_reset ON crm_user (last_reset_request_id);
