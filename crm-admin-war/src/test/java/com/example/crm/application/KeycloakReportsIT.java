package com.example.crm.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.crm.application.KeycloakReports.Outcome;
import com.example.crm.domain.model.reset.LinkEvent;
import com.example.crm.domain.model.reset.LinkReport;
import com.example.crm.domain.model.reset.ResetRequest;
import com.example.crm.domain.model.reset.ResetRequests;
import com.example.crm.domain.model.reset.ResetStatus;
import com.example.crm.domain.model.user.CrmUser;
import com.example.crm.testsupport.CrmDeployment;
import com.example.crm.testsupport.RecordingIdentityProvider;
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

/** Keycloak's reports in a real Payara Micro: verified, applied once, and moving the user's latest sent link on. */
@ExtendWith(ArquillianExtension.class)
class KeycloakReportsIT {

    private static final String SECRET = "report-secret-for-tests"; // set for the container by the build

    @Deployment
    static WebArchive deployment() {
        return CrmDeployment.applicationAndPersistence().addClass(ReportVerifierTest.class);
    }

    @Inject
    KeycloakReports reports;

    @Inject
    ResetLedger ledger;

    @Inject
    ResetRequests requests;

    @Inject
    TestUsers users;

    @Inject
    LinkExpiry expiry;

    @Inject
    LinkReconciliation reconciliation;

    @Inject
    RecordingIdentityProvider identityProvider;

    @Test
    void passwordChangedCompletesTheLatestSentLinkOnceOnly() {
        CrmUser user = users.create("Cora", "Complete", "cora.complete@example.com", true, true);
        long request = sentLinkFor(user);
        String body = report(UUID.randomUUID().toString(), "PASSWORD_CHANGED", user.getKeycloakId());

        assertEquals(Outcome.APPLIED, post(body, Instant.now()));
        assertEquals(ResetStatus.COMPLETED, requests.find(request).orElseThrow().getStatus());
        assertEquals(Outcome.ALREADY_RECEIVED, post(body, Instant.now()), "a repeated report is ignored");
        assertEquals(request, requests.latestSentFor(user.getId()).orElseThrow().getId(), "still the user's last sent link");
        assertEquals(Outcome.NOTHING_TO_APPLY,
                post(report(UUID.randomUUID().toString(), "LINK_EXPIRED", user.getKeycloakId()), Instant.now()),
                "a later report about a link no longer open changes nothing");
        assertEquals(ResetStatus.COMPLETED, requests.find(request).orElseThrow().getStatus());
    }

    @Test
    void expiredLinkReportMarksTheLinkExpired() {
        CrmUser user = users.create("Ezra", "Expired", "ezra.expired@example.com", true, true);
        // Keycloak's clock may run a little ahead: a link due within seconds of the report counts as expired by then.
        long request = users.sentEarlier(user, Duration.ZERO, Duration.ofSeconds(20)).getId();
        assertEquals(Outcome.APPLIED, post(report(UUID.randomUUID().toString(), "LINK_EXPIRED", user.getKeycloakId()), Instant.now()));
        assertEquals(ResetStatus.EXPIRED, requests.find(request).orElseThrow().getStatus());
    }

    @Test
    void linkSentReportReplacesTheOlderLinkAndBringsTheEnforcedExpiry() {
        CrmUser user = users.create("Sam", "Superseded", "sam.superseded@example.com", true, true);
        long older = users.sentEarlier(user, Duration.ofMinutes(30), Duration.ofHours(12)).getId();
        long newer = sentLinkFor(user);
        Instant enforced = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        String linkSent = "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"LINK_SENT\",\"realm\":\"crm\",\"keycloakUserId\":\""
                + user.getKeycloakId() + "\",\"occurredAt\":\"" + Instant.now() + "\",\"linkExpiresAt\":\"" + enforced
                + "\",\"replacesEarlierLinks\":true}";

        assertEquals(Outcome.APPLIED, post(linkSent, Instant.now()));
        assertEquals(ResetStatus.SUPERSEDED, requests.find(older).orElseThrow().getStatus());
        ResetRequest current = requests.find(newer).orElseThrow();
        assertEquals(ResetStatus.SENT, current.getStatus());
        assertEquals(enforced, current.getExpiresAt());
    }

    @Test
    void aPasswordChangeReportedAfterTheLinkRanOutStillCounts() {
        CrmUser user = users.create("Otto", "Outoforder", "otto.outoforder@example.com", true, true);
        ResetRequest link = users.sentEarlier(user, Duration.ofMinutes(10), Duration.ofMinutes(5));
        expiry.expireRunOut();
        assertEquals(ResetStatus.EXPIRED, requests.find(link.getId()).orElseThrow().getStatus(), "the CRM saw its time run out");

        String late = report(UUID.randomUUID().toString(), "PASSWORD_CHANGED", user.getKeycloakId(), Instant.now().minus(Duration.ofMinutes(8)));
        assertEquals(Outcome.APPLIED, post(late, Instant.now()));
        assertEquals(ResetStatus.COMPLETED, requests.find(link.getId()).orElseThrow().getStatus(),
                "the password was set while the link still worked");
    }

    @Test
    void missedReportsAreRecoveredFromKeycloaksStoredEventsOnce() {
        CrmUser user = users.create("Rex", "Reconciled", "rex.reconciled@example.com", true, true);
        long request = sentLinkFor(user);
        String eventId = UUID.randomUUID().toString();
        identityProvider.store(new LinkReport(eventId, LinkEvent.PASSWORD_CHANGED, user.getKeycloakId(), Instant.now(), null, false));

        assertEquals(1, reconciliation.reconcile(user.getId()));
        assertEquals(ResetStatus.COMPLETED, requests.find(request).orElseThrow().getStatus());
        assertEquals(0, reconciliation.reconcile(user.getId()), "nothing open is left to reconcile");
        assertEquals(Outcome.ALREADY_RECEIVED, post(report(eventId, "PASSWORD_CHANGED", user.getKeycloakId()), Instant.now()),
                "the report that arrives late is the same event");
    }

    @Test
    void aReportWithABadSignatureOrAnOldTimestampChangesNothing() {
        CrmUser user = users.create("Bea", "Badsig", "bea.badsig@example.com", true, true);
        long request = sentLinkFor(user);
        String body = report(UUID.randomUUID().toString(), "PASSWORD_CHANGED", user.getKeycloakId());
        long now = Instant.now().getEpochSecond();

        assertEquals(Outcome.BAD_SIGNATURE, reports.receive(Long.toString(now), ReportVerifierTest.sign("wrong", now, body), body));
        assertEquals(Outcome.OUTSIDE_TIME_WINDOW, post(body, Instant.now().minus(Duration.ofMinutes(6))));
        assertEquals(ResetStatus.SENT, requests.find(request).orElseThrow().getStatus());
        assertEquals(Outcome.APPLIED, post(body, Instant.now()), "rejected reports were not recorded as received");
    }

    @Test
    void reportsForUnknownUsersOrOfNoConsequenceAreAcceptedAndChangeNothing() {
        assertEquals(Outcome.NOTHING_TO_APPLY, post(report(UUID.randomUUID().toString(), "PASSWORD_CHANGED", "no-such-user"), Instant.now()));
        CrmUser user = users.create("Lia", "Linksent", "lia.linksent@example.com", true, true);
        long request = sentLinkFor(user);
        assertEquals(Outcome.NOTHING_TO_APPLY, post(report(UUID.randomUUID().toString(), "LINK_SENT", user.getKeycloakId()), Instant.now()));
        assertEquals(ResetStatus.SENT, requests.find(request).orElseThrow().getStatus());
        assertEquals(Outcome.UNREADABLE, post("not json", Instant.now()));
    }

    private long sentLinkFor(CrmUser user) {
        ResetLedger.Opening opening = ledger.open(user.getId(), "admin", Duration.ofHours(12));
        ledger.markSent(opening.requestId());
        return opening.requestId();
    }

    private Outcome post(String body, Instant signedAt) {
        long timestamp = signedAt.getEpochSecond();
        return reports.receive(Long.toString(timestamp), ReportVerifierTest.sign(SECRET, timestamp, body), body);
    }

    private static String report(String id, String type, String keycloakUserId) {
        return report(id, type, keycloakUserId, Instant.now());
    }

    private static String report(String id, String type, String keycloakUserId, Instant occurredAt) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"realm\":\"crm\",\"keycloakUserId\":\"" + keycloakUserId
                + "\",\"occurredAt\":\"" + occurredAt + "\"}";
    }
}
