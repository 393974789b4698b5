package com.example.crm.infrastructure.keycloak;

import com.example.crm.domain.model.reset.LinkReport;
import com.example.crm.report.KeycloakEventMapping;
import com.example.crm.report.ReportType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.EventRepresentation;

/**
 * Keycloak's stored events that say what became of a reset link (user events), or that it was sent (admin events),
 * read as the reports the extension would have sent: the same mapping (the report contract's) and the same event ids, so a report received both ways is
 * applied once.
 */
final class StoredLinkEvents {

    static final List<String> TYPES = KeycloakEventMapping.USER_EVENT_TYPES;
    static final int MAX = 200;

    private StoredLinkEvents() {
    }

    /** A successful execute-actions-email (an admin event): the link went out, as a LINK_SENT report says. */
    static Optional<LinkReport> toReport(AdminEventRepresentation event) {
        if (event.getId() == null) {
            return Optional.empty();
        }
        return KeycloakEventMapping.linkSentTo(event.getOperationType(), event.getResourceType(), event.getResourcePath())
                .map(userId -> new LinkReport(event.getId(), ReportType.LINK_SENT, userId,
                        Instant.ofEpochMilli(event.getTime()), null, false));
    }

    static Optional<LinkReport> toReport(EventRepresentation event) {
        if (event.getId() == null || event.getUserId() == null) {
            return Optional.empty();
        }
        return KeycloakEventMapping.reportTypeOf(event.getType(), event.getError(), event.getDetails())
                .map(type -> new LinkReport(event.getId(), type, event.getUserId(), Instant.ofEpochMilli(event.getTime()), null, false,
                        KeycloakEventMapping.requestedByUser(event.getType())));
    }
}
