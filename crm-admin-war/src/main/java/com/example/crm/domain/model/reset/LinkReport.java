package com.example.crm.domain.model.reset;

import com.example.crm.report.ReportType;
import java.time.Instant;

/**
 * One thing Keycloak says happened to a user's reset link, from its signed report or from its stored events.
 *
 * @param eventId              Keycloak's event id; the same event arriving both ways is applied once
 * @param type                 what happened, in the report contract's words
 * @param linkExpiresAt        LINK_SENT: the expiry Keycloak's policy enforces, or null when unknown
 * @param replacesEarlierLinks LINK_SENT: the policy makes the user's older links stop working
 * @param requestedByUser      LINK_SENT: the user asked for the link ("Forgot password?" on Keycloak's sign-in page),
 *                             so the CRM has no request of its own for it yet
 */
public record LinkReport(String eventId, ReportType type, String keycloakUserId, Instant occurredAt,
                         Instant linkExpiresAt, boolean replacesEarlierLinks, boolean requestedByUser) {

    /** A report about a link an administrator sent, or about whatever link the user has. */
    public LinkReport(String eventId, ReportType type, String keycloakUserId, Instant occurredAt,
                      Instant linkExpiresAt, boolean replacesEarlierLinks) {
        this(eventId, type, keycloakUserId, occurredAt, linkExpiresAt, replacesEarlierLinks, false);
    }

    /** The user's own new link, which the CRM records when it hears of it. */
    public boolean isLinkTheUserAskedFor() {
        return type == ReportType.LINK_SENT && requestedByUser;
    }
}
