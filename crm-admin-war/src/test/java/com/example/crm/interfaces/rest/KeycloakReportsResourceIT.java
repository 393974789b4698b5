package com.example.crm.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Keycloak's reports at the callback in a real Payara Micro: verified and read before anything is applied, only for the
 * configured realm, and a flood of refusals does not flood the log.
 */
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

        assertEquals(401, post(Long.toString(now), ReportSignature.sign("wrong", now, body), body));
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

    @Test
    void aReportForAnotherRealmIsRefusedAndChangesNothing() {
        CrmUser user = users.create("Rita", "Realm", "rita.realm@example.com", true, true);
        long request = sentLinkFor(user);
        String id = UUID.randomUUID().toString();
        String master = ReportJson.write(ResetReport.of(id, ReportType.PASSWORD_CHANGED, "master", user.getKeycloakId(),
                Instant.now(), null));

        assertEquals(403, post(master, Instant.now()));
        assertEquals(ResetStatus.SENT, requests.find(request).orElseThrow().getStatus());
        String crm = ReportJson.write(ResetReport.of(id, ReportType.PASSWORD_CHANGED, "crm", user.getKeycloakId(),
                Instant.now(), null));
        assertEquals(204, post(crm, Instant.now()));
        assertEquals(ResetStatus.COMPLETED, requests.find(request).orElseThrow().getStatus(),
                "the refused report was not recorded as received");
    }

    @Test
    void aBodyOverTheCapIsRefusedAndChangesNothing() {
        CrmUser user = users.create("Lars", "Large", "lars.large@example.com", true, true);
        long request = sentLinkFor(user);
        String report = ReportJson.write(ResetReport.of(UUID.randomUUID().toString(), ReportType.PASSWORD_CHANGED, "crm",
                user.getKeycloakId(), Instant.now(), null));
        String padded = report.substring(0, report.length() - 1) + ",\"padding\":\"" + "x".repeat(20_000) + "\"}";

        assertEquals(413, post(padded, Instant.now()));
        assertEquals(ResetStatus.SENT, requests.find(request).orElseThrow().getStatus());
    }

    @Test
    void aFloodOfRefusedReportsLogsAtMostOneWarningPerReasonAMinute() {
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("com.example.crm.interfaces.rest").addHandler(handler);
        try {
            String body = ReportJson.write(ResetReport.of(UUID.randomUUID().toString(), ReportType.PASSWORD_CHANGED, "crm",
                    UUID.randomUUID().toString(), Instant.now(), null));
            long now = Instant.now().getEpochSecond();
            for (int i = 0; i < 200; i++) {
                post(Long.toString(now), ReportSignature.sign("wrong", now, body), body);
                post(body, Instant.now().minus(Duration.ofHours(1)));
            }
        } finally {
            Logger.getLogger("com.example.crm.interfaces.rest").removeHandler(handler);
        }
        // Earlier tests in this minute may have had the warning already: at most one each, never one per request.
        assertTrue(warnings.size() <= 2, warnings.size() + " warnings for 400 refused reports");
    }

    private long sentLinkFor(CrmUser user) {
        ResetLedger.Opening opening = ledger.open(user.getId(), "admin", Duration.ofHours(12));
        ledger.markSent(opening.requestId());
        return opening.requestId();
    }

    private int post(String body, Instant signedAt) {
        long timestamp = signedAt.getEpochSecond();
        return post(Long.toString(timestamp), ReportSignature.sign(SECRET, timestamp, body), body);
    }

    private int post(String timestamp, String signature, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return resource.receive(timestamp, signature, Integer.toString(bytes.length), new ByteArrayInputStream(bytes)).getStatus();
    }
}
