package com.example.crm.domain.model.reset;

/** Where a reset request stands. */
public enum ResetStatus {
    /** Recorded; the CRM is asking Keycloak to send the email. */
    REQUESTED,
    /** Keycloak accepted the request and handed the email to its mail server. */
    SENT,
    /** No email was sent; {@link ResetFailure} says why. */
    FAILED,
    /** The user set a new password (reported by Keycloak). */
    COMPLETED,
    /** The user opened the link after it had expired (reported by Keycloak). */
    EXPIRED
}
