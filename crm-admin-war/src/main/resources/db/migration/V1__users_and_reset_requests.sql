-- CRM users and their password reset requests. Runs on H2 (dev) and PostgreSQL (production).
-- Ids come from sequences (JPA SEQUENCE generation), which both databases and EclipseLink agree on.
CREATE SEQUENCE crm_user_seq START WITH 1000 INCREMENT BY 1;
CREATE SEQUENCE reset_request_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE crm_user (
    id          BIGINT PRIMARY KEY,
    keycloak_id VARCHAR(36) UNIQUE,
    username    VARCHAR(255) NOT NULL UNIQUE,
    first_name  VARCHAR(100) NOT NULL,
    last_name   VARCHAR(100) NOT NULL,
    email       VARCHAR(320),
    status      VARCHAR(10) NOT NULL CHECK (status IN ('ACTIVE', 'INACTIVE')),
    role        VARCHAR(100) NOT NULL,
    search_key  VARCHAR(600) NOT NULL,
    version     BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX crm_user_name ON crm_user (last_name, first_name, id);
CREATE INDEX crm_user_status_name ON crm_user (status, last_name, first_name, id);

CREATE TABLE reset_request (
    id                BIGINT PRIMARY KEY,
    crm_user_id       BIGINT NOT NULL REFERENCES crm_user (id),
    requested_by      VARCHAR(255) NOT NULL,
    requested_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    lifespan_seconds  BIGINT NOT NULL,
    expires_at        TIMESTAMP WITH TIME ZONE,
    status            VARCHAR(20) NOT NULL,
    status_changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    failure           VARCHAR(40),
    keycloak_error    VARCHAR(1000)
);
CREATE INDEX reset_request_user_time ON reset_request (crm_user_id, requested_at, id);
