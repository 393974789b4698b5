package com.example.crm.application;

import com.example.crm.domain.model.reset.LinkEvent;
import com.example.crm.domain.model.reset.LinkReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Receives what Keycloak's crm-reset-reporter says became of a reset link, and moves the user's request on. */
@ApplicationScoped
public class KeycloakReports {

    private static final Logger LOG = Logger.getLogger(KeycloakReports.class.getName());

    public enum Outcome { APPLIED, ALREADY_RECEIVED, NOTHING_TO_APPLY, BAD_SIGNATURE, OUTSIDE_TIME_WINDOW, UNREADABLE }

    @Inject
    @ConfigProperty(name = "crm.keycloak.report-secret")
    String secret;

    @Inject
    Clock clock;

    @Inject
    LinkReports linkReports;

    /** Verifies the report (signature, time window), then applies it once. */
    public Outcome receive(String timestampHeader, String signatureHeader, String body) {
        var now = clock.instant();
        switch (ReportVerifier.verify(secret, timestampHeader, signatureHeader, body, now)) {
            case MISSING_SIGNATURE, BAD_SIGNATURE -> {
                LOG.warning("Rejected a Keycloak report with a missing or wrong signature");
                return Outcome.BAD_SIGNATURE;
            }
            case OUTSIDE_TIME_WINDOW -> {
                LOG.warning("Rejected a Keycloak report signed more than " + ReportVerifier.WINDOW + " from now");
                return Outcome.OUTSIDE_TIME_WINDOW;
            }
            case VALID -> { }
        }
        JsonObject report;
        try {
            report = Json.createReader(new StringReader(body)).readObject();
        } catch (JsonException | IllegalStateException e) {
            return Outcome.UNREADABLE;
        }
        String type = report.getString("type", "");
        Optional<LinkEvent> event = LinkEvent.named(type);
        if (event.isEmpty()) {
            LOG.info(() -> "Ignored a Keycloak report of a type this CRM does not know: " + type);
            return Outcome.NOTHING_TO_APPLY;
        }
        Optional<LinkReport> linkReport = parse(report, event.get());
        if (linkReport.isEmpty()) {
            return Outcome.UNREADABLE;
        }
        return switch (linkReports.apply(linkReport.get())) {
            case APPLIED -> Outcome.APPLIED;
            case ALREADY_RECEIVED -> Outcome.ALREADY_RECEIVED;
            case NOTHING_TO_APPLY -> Outcome.NOTHING_TO_APPLY;
        };
    }

    /** {id, keycloakUserId, occurredAt, linkExpiresAt?, replacesEarlierLinks?} of a report of this type; other fields are ignored. */
    static Optional<LinkReport> parse(JsonObject report, LinkEvent event) {
        try {
            String id = report.getString("id", null);
            String keycloakUserId = report.getString("keycloakUserId", null);
            String occurredAt = report.getString("occurredAt", null);
            if (id == null || keycloakUserId == null || occurredAt == null) {
                return Optional.empty();
            }
            String expiresAt = report.getString("linkExpiresAt", null);
            return Optional.of(new LinkReport(id, event, keycloakUserId, Instant.parse(occurredAt),
                    expiresAt == null ? null : Instant.parse(expiresAt), report.getBoolean("replacesEarlierLinks", false)));
        } catch (DateTimeParseException | ClassCastException | NullPointerException e) {
            return Optional.empty();
        }
    }
}