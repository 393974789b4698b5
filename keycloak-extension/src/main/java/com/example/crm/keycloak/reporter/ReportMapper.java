package com.example.crm.keycloak.reporter;

import java.time.Instant;
import java.util.Optional;

import org.keycloak.events.Event;
import org.keycloak.events.admin.AdminEvent;

import com.example.crm.report.KeycloakEventMapping;
import com.example.crm.report.ReportType;
import com.example.crm.report.ResetReport;

/** Keycloak's events as reports to the CRM; which events, and as what, is the report contract's {@link KeycloakEventMapping}. */
final class ReportMapper {

    private ReportMapper() {
    }

    static Optional<ResetReport> from(Event event) {
        if (event.getUserId() == null) {
            return Optional.empty(); // a link so broken that Keycloak cannot tell whose it was
        }
        String eventType = event.getType().name();
        return KeycloakEventMapping.reportTypeOf(eventType, event.getError(), event.getDetails())
                .map(type -> ResetReport.of(event.getId(), type, event.getRealmName(), event.getUserId(),
                        Instant.ofEpochMilli(event.getTime()), type.isError() ? event.getError() : null))
                .map(report -> KeycloakEventMapping.requestedByUser(eventType) ? report.askedForByUser() : report);
    }

    static Optional<ResetReport> from(AdminEvent event) {
        return KeycloakEventMapping.linkSentTo(nameOf(event.getOperationType()), nameOf(event.getResourceType()), event.getResourcePath())
                .map(userId -> ResetReport.of(event.getId(), ReportType.LINK_SENT, event.getRealmName(), userId,
                        Instant.ofEpochMilli(event.getTime()), null));
    }

    private static String nameOf(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
