package com.example.crm.application;

import com.example.crm.domain.model.reset.ReceivedReport;
import com.example.crm.domain.model.reset.ReceivedReports;
import com.example.crm.domain.model.reset.ResetRequest;
import com.example.crm.domain.model.reset.ResetRequests;
import com.example.crm.domain.model.reset.ResetStatus;
import com.example.crm.domain.model.user.CrmUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.Clock;
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
    CrmUsers users;

    @Inject
    ResetRequests requests;

    @Inject
    ReceivedReports received;

    /** Verifies the report (signature, time window), ignores a repeat, and applies it; all in one transaction. */
    @Transactional
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
        String id = report.getString("id", null);
        String type = report.getString("type", null);
        String keycloakUserId = report.getString("keycloakUserId", null);
        if (id == null || type == null || keycloakUserId == null) {
            return Outcome.UNREADABLE;
        }
        if (!received.add(new ReceivedReport(id, type, now))) {
            return Outcome.ALREADY_RECEIVED;
        }
        // Only the user's latest link, and only while it is open: a late report about it changes nothing.
        Optional<ResetRequest> current = users.findByKeycloakId(keycloakUserId)
                .flatMap(user -> requests.latestSentFor(user.getId()))
                .filter(request -> request.getStatus() == ResetStatus.SENT);
        if (current.isEmpty()) {
            return Outcome.NOTHING_TO_APPLY;
        }
        switch (type) {
            case "PASSWORD_CHANGED" -> current.get().markCompleted(now);
            case "LINK_EXPIRED" -> current.get().markExpired(now);
            default -> {
                return Outcome.NOTHING_TO_APPLY;
            }
        }
        LOG.info(() -> "Reset request " + current.get().getId() + " is now " + current.get().getStatus() + " (Keycloak report " + id + ")");
        return Outcome.APPLIED;
    }
}
