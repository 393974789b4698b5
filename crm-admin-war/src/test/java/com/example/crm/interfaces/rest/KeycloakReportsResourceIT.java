package com.example.crm.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.crm.application.ResetLedger;
import com.example.crm.domain.model.reset.ResetRequest;
import com.example.crm.domain.model.reset.ResetRequests;
import com.example.crm.domain.model.reset.ResetStatus;
import com.example.crm.domain.model.user.CrmUser;
import com.example.crm.report.ReportJson;
import com.example.crm.report.ReportSignature;
import com.example.crm.report.ReportType;
import com.example.crm.report.ResetReport;
import com.example.crm.testsupport.CrmDeployment;
import com.example.crm.testsupport.TestUsers;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Keycloak's reports at the callback in a real Payara Micro: verified and read before anything is applied. */
@ExtendWith(ArquillianExtension.class)
class KeycloakReportsResourceIT {

    private static final String SECRET = "report-secret-for-tests"; // set for the container by the build

    @Deployment
    static WebArchive deployment() {
        return CrmDeployment.applicationAndPersistence();
    }

    @Inject
    KeycloakReportsResource resource;

    @Inject
    ResetLedger ledger;

    @Inject
    ResetRequests requests;

    @Inject
    TestUsers users;

    @Test
    void linkSentReportReplacesTheOlderLinkAndBringsTheEnforcedExpiry() {
        CrmUser user = users.create("Sam", "Superseded", "sam.superseded@example.com", true, true);
        long older = users.sentEarlier(user, Duration.ofMinutes(30), Duration.ofHours(12)).getId();
        long newer = sentLinkFor(user);
        Instant enforced = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        String linkSent = "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"LINK_SENT\",\"realm\":\"crm\",\"keycloakUserId\":\""
                + user.getKeycloakId() + "\",\"occurredAt\":\"" + Instant.now() + "\",\"linkExpiresAt\":\"" + enforced
                + "\",\"replacesEarlierLinks\":true}";

        assertEquals(204, post(linkSent, Instant.now()));
        assertEquals(ResetStatus.SUPERSEDED, requests.find(older).orElseThrow().getStatus());
        ResetRequest current = requests.find(newer).orElseThrow();
        assertEquals(ResetStatus.SENT, current.getStatus());
        assertEquals(enforced, current.getExpiresAt());
    }

    @Test
    void aReportWithABadSignatureOrAnOldTimestampChangesNothing() {
        CrmUser user = users.create("Bea", "Badsig", "bea.badsig@example.com", true, true);
        long request = sentLinkFor(user);
        String body = ReportJson.write(ResetReport.of(UUID.randomUUID().toString(), ReportType.PASSWORD_CHANGED, "crm",
                user.getKeycloakId(), Instant.now(), null));
        long now = Instant.now().getEpochSecond();

        assertEquals(401, resource.receive(Long.toString(now), ReportSignature.sign("wrong", now, body), body).getStatus());
        assertEquals(401, post(body, Instant.now().minus(Duration.ofMinutes(6))));
        assertEquals(ResetStatus.SENT, requests.find(request).orElseThrow().getStatus());
        assertEquals(204, post(body, Instant.now()));
        assertEquals(ResetStatus.COMPLETED, requests.find(request).orElseThrow().getStatus(),
                "rejected reports were not recorded as received");
    }

    @Test
    void aBodyThatIsNotAReportIsRefused() {
        assertEquals(400, post("not json", Instant.now()));
        assertEquals(400, post("{\"type\":\"PASSWORD_CHANGED\",\"keycloakUserId\":\"kc\",\"occurredAt\":\"" + Instant.now() + "\"}",
                Instant.now()), "a report without its id");
    }

    private long sentLinkFor(CrmUser user) {
        ResetLedger.Opening opening = ledger.open(user.getId(), "admin", Duration.ofHours(12));
        ledger.markSent(opening.requestId());
        return opening.requestId();
    }

    private int post(String body, Instant signedAt) {
        long timestamp = signedAt.getEpochSecond();
        return resource.receive(Long.toString(timestamp), ReportSignature.sign(SECRET, timestamp, body), body).getStatus();
    }
}
