package com.example.crm.interfaces.rest;

import com.example.crm.application.LinkReports;
import com.example.crm.domain.model.reset.LinkReport;
import com.example.crm.infrastructure.metrics.CrmMetrics;
import com.example.crm.interfaces.rest.RejectedReportsLog.Reason;
import com.example.crm.report.ReportJson;
import com.example.crm.report.ReportSignature;
import com.example.crm.report.ResetReport;
import com.example.crm.report.UnknownReportTypeException;
import com.example.crm.report.UnreadableReportException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keycloak's crm-reset-reporter posts here. Signed, not signed in: the signature is the authentication. A report is
 * checked and read here, against the report contract, so the application only ever sees a verified {@link LinkReport}
 * of the CRM's own realm. The checks go from cheap to dear: the declared length, the timestamp, the body read up to
 * {@link #MAX_BODY_BYTES}, the HMAC, the JSON, the realm.
 * <p>
 * One instance for the application: its settings are read once. Per request (as it was), Payara resolved them anew
 * for every report, each a look-up in its clustered config store (JDK Flight Recorder: 7 to 17 ms parked per
 * report), at the moment the admin's click waits on its own answer.
 */
@Path("/keycloak-events")
@ApplicationScoped
public class KeycloakReportsResource {

    /** A report is a few hundred bytes; this leaves room for a newer reporter's fields and nothing more. */
    static final int MAX_BODY_BYTES = 16 * 1024;

    private static final Logger LOG = Logger.getLogger(KeycloakReportsResource.class.getName());
    private static final int MAX_LOGGED_REALM = 64;
    private static final int MAX_LOGGED_DETAIL = 200;

    @Inject
    @ConfigProperty(name = "crm.keycloak.report-secret")
    String secret;

    @Inject
    @ConfigProperty(name = "crm.keycloak.realm", defaultValue = "crm")
    String realm;

    @Inject
    Clock clock;

    @Inject
    LinkReports linkReports;

    @Inject
    RejectedReportsLog rejections;

    @Inject
    CrmMetrics metrics;

    /**
     * 413 for a body over {@link #MAX_BODY_BYTES}, 401 for a missing or wrong signature or a stale timestamp, 400 for a
     * body that is no report, 403 for a report of another realm, 204 otherwise.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response receive(@HeaderParam(ReportSignature.TIMESTAMP_HEADER) String timestamp,
                            @HeaderParam(ReportSignature.SIGNATURE_HEADER) String signature,
                            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream body) {
        if (ReportBody.declaredOver(contentLength, MAX_BODY_BYTES)) {
            return tooLarge();
        }
        Instant now = clock.instant();
        ReportSignature.Verdict time = ReportSignature.checkTimestamp(timestamp, now);
        if (time != ReportSignature.Verdict.VALID) {
            return unauthorized(time);
        }
        Optional<String> text;
        try {
            text = ReportBody.read(body, MAX_BODY_BYTES);
        } catch (IOException e) {
            rejected(Reason.NOT_A_REPORT, "its body could not be read (" + e.getClass().getSimpleName() + ")");
            return refusal(400, "body could not be read");
        }
        if (text.isEmpty()) {
            return tooLarge();
        }
        ReportSignature.Verdict verdict = ReportSignature.verify(secret, timestamp, signature, text.get(), now);
        if (verdict != ReportSignature.Verdict.VALID) {
            return unauthorized(verdict);
        }
        ResetReport report;
        try {
            report = ReportJson.read(text.get());
        } catch (UnknownReportTypeException e) {
            if (!realm.equals(e.realm())) {
                return otherRealm(e.realm());
            }
            LOG.info(() -> "Ignored a Keycloak report of a type this CRM does not know: " + e.type());
            return Response.noContent().build();
        } catch (UnreadableReportException e) {
            rejected(Reason.NOT_A_REPORT,
                    "signed, but its body is not a report (" + oneLine(e.getMessage(), MAX_LOGGED_DETAIL) + ")");
            return refusal(400, "not a report");
        }
        if (!realm.equals(report.realm())) {
            return otherRealm(report.realm());
        }
        metrics.reportReceived(report.type());
        if (linkReports.apply(linkReport(report)) != LinkReports.Outcome.ALREADY_RECEIVED) {
            metrics.reportTakenIn(Duration.between(report.occurredAt(), clock.instant()));
        }
        return Response.noContent().build();
    }

    private void rejected(Reason reason, String what) {
        metrics.reportRejected(reason);
        rejections.rejected(reason, what);
    }

    private Response tooLarge() {
        rejected(Reason.TOO_LARGE, "its body is larger than " + MAX_BODY_BYTES + " bytes");
        return refusal(413, "report larger than " + MAX_BODY_BYTES + " bytes");
    }

    private Response unauthorized(ReportSignature.Verdict verdict) {
        if (verdict == ReportSignature.Verdict.OUTSIDE_TIME_WINDOW) {
            rejected(Reason.TIME_WINDOW, "its timestamp is more than " + ReportSignature.WINDOW + " from now");
            return refusal(401, "timestamp outside the allowed window");
        }
        rejected(Reason.SIGNATURE, "missing or wrong signature");
        return refusal(401, "missing or wrong signature");
    }

    /** Signed with the shared secret, but for a realm this CRM does not serve: a reporter set up on the wrong realm. */
    private Response otherRealm(String reported) {
        rejected(Reason.OTHER_REALM, "it is for realm " + printable(reported) + ", this CRM serves realm "
                + realm + " (is the reporter set up on the wrong realm?)");
        return refusal(403, "report for another realm than " + realm);
    }

    private static Response refusal(int status, String text) {
        return Response.status(status).type(MediaType.TEXT_PLAIN_TYPE).entity(text).build();
    }

    /** A realm name as sent, quoted and cut short, with nothing in it that could forge a log line. */
    private static String printable(String reported) {
        return reported == null ? "(none)" : "\"" + oneLine(reported, MAX_LOGGED_REALM) + "\"";
    }

    private static String oneLine(String text, int max) {
        String shown = text.length() > max ? text.substring(0, max) + "…" : text;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }

    private static LinkReport linkReport(ResetReport report) {
        return new LinkReport(report.id(), report.type(), report.keycloakUserId(), report.occurredAt(),
                report.linkExpiresAt(), report.replacesEarlierLinks(), report.requestedByUser());
    }
}
