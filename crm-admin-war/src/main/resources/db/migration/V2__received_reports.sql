-- Reports from Keycloak's crm-reset-reporter, by Keycloak's event id: a report seen twice is applied once.
CREATE TABLE received_report (
    id          VARCHAR(64) PRIMARY KEY,
    type        VARCHAR(30) NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL
);
