package com.example.crm.report;

/** What the CRM is told about a user's reset link. */
public enum ReportType {
    LINK_SENT,
    LINK_EXPIRED,
    LINK_SUPERSEDED,
    LINK_ALREADY_USED,
    LINK_INVALID,
    PASSWORD_CHANGED;

    /** Error reports are true whether or not Keycloak's transaction commits; the others only once it has. */
    public boolean isError() {
        return this != LINK_SENT && this != PASSWORD_CHANGED;
    }
}
