package com.example.crm.report;

import java.time.Instant;

/**
 * One report to the CRM. {@code id} is Keycloak's event id, so the CRM can ignore a report it already has.
 * LINK_SENT only: {@code linkExpiresAt} is the expiry the policy enforces, {@code replacesEarlierLinks} says
 * that the user's older links stopped working, and {@code requestedByUser} that the user asked for the link
 * ("Forgot password?") rather than an administrator. {@code error} is Keycloak's event error.
 */
public record ResetReport(String id, ReportType type, String realm, String keycloakUserId, Instant occurredAt,
                          Instant linkExpiresAt, boolean replacesEarlierLinks, boolean requestedByUser, String error) {

    public static ResetReport of(String id, ReportType type, String realm, String keycloakUserId, Instant occurredAt,
                                 String error) {
        return new ResetReport(id, type, realm, keycloakUserId, occurredAt, null, false, false, error);
    }

    public ResetReport withLink(Instant expiresAt, boolean replacesEarlier) {
        return new ResetReport(id, type, realm, keycloakUserId, occurredAt, expiresAt, replacesEarlier, requestedByUser, error);
    }

    /** A link the user asked for themselves. */
    public ResetReport askedForByUser() {
        return new ResetReport(id, type, realm, keycloakUserId, occurredAt, linkExpiresAt, replacesEarlierLinks, true, error);
    }
}
