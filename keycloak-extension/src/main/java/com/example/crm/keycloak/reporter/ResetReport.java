package com.example.crm.keycloak.reporter;

import java.time.Instant;

/** One report to the CRM. {@code id} is Keycloak's event id, so the CRM can ignore a report it already has. */
public record ResetReport(String id, ReportType type, String realm, String keycloakUserId, Instant occurredAt, String error) {

    /** The JSON body sent to the CRM: {id, type, realm, keycloakUserId, occurredAt, error?}. */
    public String toJson() {
        StringBuilder json = new StringBuilder("{")
                .append("\"id\":").append(quote(id))
                .append(",\"type\":").append(quote(type.name()))
                .append(",\"realm\":").append(quote(realm))
                .append(",\"keycloakUserId\":").append(quote(keycloakUserId))
                .append(",\"occurredAt\":").append(quote(occurredAt.toString()));
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
