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
    /** The link's time ran out before the user set a password. */
    EXPIRED,
    /** A newer link was sent, and Keycloak's policy made this one stop working. */
    SUPERSEDED,
    /** Not sent: the user already had as many links as the hourly limit allows. */
    RATE_LIMITED;

    /** The email went out, whatever became of the link since; these count towards the hourly limit. */
    public boolean wasEmailed() {
        return this == SENT || this == COMPLETED || this == EXPIRED || this == SUPERSEDED;
    }
}
