-- Bulk reset runs: each user's outcome is stored, so progress survives a page reload and a server restart.
CREATE SEQUENCE bulk_run_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE bulk_run_item_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE bulk_run (
    id          BIGINT PRIMARY KEY,
    started_by  VARCHAR(255) NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    total       INTEGER NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE
);

CREATE TABLE bulk_run_item (
    id          BIGINT PRIMARY KEY,
    bulk_run_id BIGINT NOT NULL REFERENCES bulk_run (id),
    crm_user_id BIGINT NOT NULL REFERENCES crm_user (id),
    outcome     VARCHAR(10) NOT NULL,
    skip_reason VARCHAR(20),
    failure     VARCHAR(40),
    detail      VARCHAR(1000),
    finished_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX bulk_run_item_run ON bulk_run_item (bulk_run_id, outcome, id);
