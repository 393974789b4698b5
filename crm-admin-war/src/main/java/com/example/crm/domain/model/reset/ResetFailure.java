package com.example.crm.domain.model.reset;

/** Why a reset link was not sent. Each has its own message for the administrator. */
public enum ResetFailure {
    // Found by the CRM before asking Keycloak: no call is made.
    NOT_LINKED,
    NO_EMAIL,
    INACTIVE,
    // Reported by Keycloak or on the way to it.
    KEYCLOAK_EMAIL_MISSING,
    KEYCLOAK_USER_DISABLED,
    KEYCLOAK_USER_NOT_FOUND,
    KEYCLOAK_ACCESS_DENIED,
    KEYCLOAK_CREDENTIALS_REJECTED,
    KEYCLOAK_REJECTED_REQUEST,
    MAIL_SERVER_FAILED,
    KEYCLOAK_UNREACHABLE,
    KEYCLOAK_TIMEOUT,
    KEYCLOAK_ERROR,
    // The CRM itself failed (its database) before Keycloak was asked: nothing was sent.
    CRM_ERROR;

    /** Found by the CRM's own checks, before Keycloak is asked. */
    public boolean foundByCrm() {
        return this == NOT_LINKED || this == NO_EMAIL || this == INACTIVE;
    }
}
