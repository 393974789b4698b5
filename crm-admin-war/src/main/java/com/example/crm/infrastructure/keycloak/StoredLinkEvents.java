package com.example.crm.infrastructure.keycloak;

import com.example.crm.domain.model.reset.LinkReport;
import com.example.crm.report.KeycloakEventMapping;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.keycloak.representations.idm.EventRepresentation;

/**
 * Keycloak's stored user events that say what became of a reset link, read as the reports the extension would
 * have sent: the same mapping (the report contract's) and the same event ids, so a report received both ways is
 * applied once.
 */
final class StoredLinkEvents {

    static final List<String> TYPES = KeycloakEventMapping.USER_EVENT_TYPES;
    static final int MAX = 200;

    private StoredLinkEvents() {
    }

    static Optional<LinkReport> toReport(EventRepresentation event) {
        if (event.getId() == null || event.getUserId() == null) {
            return Optional.empty();
        }
        return KeycloakEventMapping.reportTypeOf(event.getType(), event.getError(), event.getDetails())
                .map(type -> new LinkReport(event.getId(), type, event.getUserId(), Instant.ofEpochMilli(event.getTime()), null, false));
    }
}
