package com.example.crm.keycloak.reporter;

import java.time.Instant;

/**
 * One report to the CRM. {@code id} is Keycloak's event id, so the CRM can ignore a report it already has.
 * LINK_SENT only: {@code linkExpiresAt} is the expiry the policy enforces, and {@code replacesEarlierLinks} says
 * that the user's older links stopped working. {@code error} is Keycloak's event error.
 */
public record ResetReport(String id, ReportType type, String realm, String keycloakUserId, Instant occurredAt,
                          Instant linkExpiresAt, boolean replacesEarlierLinks, String error) {

    static ResetReport of(String id, ReportType type, String realm, String keycloakUserId, Instant occurredAt, String error) {
        return new ResetReport(id, type, realm, keycloakUserId, occurredAt, null, false, error);
    }

    public ResetReport withLink(Instant expiresAt, boolean replacesEarlier) {
        return new ResetReport(id, type, realm, keycloakUserId, occurredAt, expiresAt, replacesEarlier, error);
    }

    /**
     * The JSON body sent to the CRM:
     * {id, type, realm, keycloakUserId, occurredAt, linkExpiresAt?, replacesEarlierLinks?, error?}.
     */
    public String toJson() {
        StringBuilder json = new StringBuilder("{")
                .append("\"id\":").append(quote(id))
                .append(",\"type\":").append(quote(type.name()))
                .append(",\"realm\":").append(quote(realm))
                .append(",\"keycloakUserId\":").append(quote(keycloakUserId))
                .append(",\"occurredAt\":").append(quote(occurredAt.toString()));
        if (linkExpiresAt != null) {
            json.append(",\"linkExpiresAt\":").append(quote(linkExpiresAt.toString()));
        }
        if (replacesEarlierLinks) {
            json.append(",\"replacesEarlierLinks\":true");
        }
        if (error != null) {
            json.append(",\"error\":").append(quote(error));
        }
        return json.append('}').toString();
    }

    static String quote(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
