package com.example.crm.interfaces.rest;

import com.example.crm.application.LinkReports;
import com.example.crm.domain.model.reset.LinkReport;
import com.example.crm.report.ReportJson;
import com.example.crm.report.ReportSignature;
import com.example.crm.report.ResetReport;
import com.example.crm.report.UnknownReportTypeException;
import com.example.crm.report.UnreadableReportException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keycloak's crm-reset-reporter posts here. Signed, not signed in: the signature is the authentication. A report is
 * checked and read here, against the report contract, so the application only ever sees a verified {@link LinkReport}.
 */
@Path("/keycloak-events")
@RequestScoped
public class KeycloakReportsResource {

    private static final Logger LOG = Logger.getLogger(KeycloakReportsResource.class.getName());

    @Inject
    @ConfigProperty(name = "crm.keycloak.report-secret")
    String secret;

    @Inject
    Clock clock;

    @Inject
    LinkReports linkReports;

    /** 401 for a missing or wrong signature or a stale timestamp, 400 for a body that is no report, 204 otherwise. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response receive(@HeaderParam(ReportSignature.TIMESTAMP_HEADER) String timestamp,
                            @HeaderParam(ReportSignature.SIGNATURE_HEADER) String signature, String body) {
        switch (ReportSignature.verify(secret, timestamp, signature, body, clock.instant())) {
            case MISSING_SIGNATURE, BAD_SIGNATURE -> {
                LOG.warning("Rejected a Keycloak report with a missing or wrong signature");
                return Response.status(401).entity("missing or wrong signature").build();
            }
            case OUTSIDE_TIME_WINDOW -> {
                LOG.warning("Rejected a Keycloak report signed more than " + ReportSignature.WINDOW + " from now");
                return Response.status(401).entity("timestamp outside the allowed window").build();
            }
            case VALID -> { }
        }
        try {
            linkReports.apply(linkReport(ReportJson.read(body)));
        } catch (UnknownReportTypeException e) {
            LOG.info(() -> "Ignored a Keycloak report of a type this CRM does not know: " + e.type());
        } catch (UnreadableReportException e) {
            return Response.status(400).entity("not a report").build();
        }
        return Response.noContent().build();
    }

    private static LinkReport linkReport(ResetReport report) {
        return new LinkReport(report.id(), report.type(), report.keycloakUserId(), report.occurredAt(),
                report.linkExpiresAt(), report.replacesEarlierLinks());
    }
}
