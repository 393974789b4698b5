-- compose.yaml: the two databases, on the first start of its PostgreSQL (the CRM's schema is made by the CRM itself).
CREATE DATABASE keycloak;
CREATE DATABASE crm;
