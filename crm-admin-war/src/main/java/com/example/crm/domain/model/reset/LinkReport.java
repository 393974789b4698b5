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
 */
public record LinkReport(String eventId, ReportType type, String keycloakUserId, Instant occurredAt,
                         Instant linkExpiresAt, boolean replacesEarlierLinks) {
}
