package com.example.crm.infrastructure.keycloak;

import com.example.crm.domain.model.reset.LinkEvent;
import com.example.crm.domain.model.reset.LinkReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.representations.idm.EventRepresentation;

/**
 * Keycloak's stored user events that say what became of a reset link, read as the reports the extension would
 * have sent (same event ids, so a report received both ways is applied once).
 */
final class StoredLinkEvents {

    static final List<String> TYPES = List.of("UPDATE_CREDENTIAL", "EXECUTE_ACTION_TOKEN_ERROR", "EXECUTE_ACTIONS_ERROR");
    static final int MAX = 200;
    private static final String EXPIRED_CODE = "expired_code";
    private static final String POLICY_EXPIRED = "crm_link_expired";

    private StoredLinkEvents() {
    }

    static Optional<LinkReport> toReport(EventRepresentation event) {
        LinkEvent type = switch (String.valueOf(event.getType())) {
            case "UPDATE_CREDENTIAL" -> isPassword(event.getDetails()) ? LinkEvent.PASSWORD_CHANGED : null;
            // Before Keycloak knows the link's kind, expired_code means "too old"; after, it means "already used".
            case "EXECUTE_ACTION_TOKEN_ERROR" -> EXPIRED_CODE.equals(event.getError()) ? LinkEvent.LINK_EXPIRED : null;
            case "EXECUTE_ACTIONS_ERROR" -> POLICY_EXPIRED.equals(event.getError()) ? LinkEvent.LINK_EXPIRED : null;
            default -> null;
        };
        if (type == null || event.getId() == null || event.getUserId() == null) {
            return Optional.empty();
        }
        return Optional.of(new LinkReport(event.getId(), type, event.getUserId(), Instant.ofEpochMilli(event.getTime()), null, false));
    }

    private static boolean isPassword(Map<String, String> details) {
        return details != null && "password".equals(details.get("credential_type"));
    }
}
