package com.example.crm.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.example.crm.application.LinkReports.Outcome;
import com.example.crm.domain.model.reset.LinkReport;
import com.example.crm.domain.model.reset.ResetFailure;
import com.example.crm.domain.model.reset.ResetRequest;
import com.example.crm.domain.model.reset.ResetRequests;
import com.example.crm.domain.model.reset.ResetStatus;
import com.example.crm.domain.model.user.CrmUser;
import com.example.crm.report.ReportType;
import com.example.crm.testsupport.CrmDeployment;
import com.example.crm.testsupport.RecordingKeycloakAccounts;
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

/** Keycloak's reports in a real Payara Micro: applied once, and moving the user's latest sent link on. */
@ExtendWith(ArquillianExtension.class)
class LinkReportsIT {

    @Deployment
    static WebArchive deployment() {
        return CrmDeployment.applicationAndPersistence();
    }

    @Inject
    LinkReports linkReports;

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
    RecordingKeycloakAccounts keycloak;

    @Test
    void passwordChangedCompletesTheLatestSentLinkOnceOnly() {
        CrmUser user = users.create("Cora", "Complete", "cora.complete@example.com", true, true);
        long request = sentLinkFor(user);
        LinkReport report = report(ReportType.PASSWORD_CHANGED, user.getKeycloakId());

        assertEquals(Outcome.APPLIED, linkReports.apply(report));
        assertEquals(ResetStatus.COMPLETED, requests.find(request).orElseThrow().getStatus());
        assertEquals(Outcome.ALREADY_RECEIVED, linkReports.apply(report), "a repeated report is ignored");
        assertEquals(request, requests.latestSentFor(user.getId()).orElseThrow().getId(), "still the user's last sent link");
        assertEquals(Outcome.NOTHING_TO_APPLY, linkReports.apply(report(ReportType.LINK_EXPIRED, user.getKeycloakId())),
                "a later report about a link no longer open changes nothing");
        assertEquals(ResetStatus.COMPLETED, requests.find(request).orElseThrow().getStatus());
    }

    @Test
    void expiredLinkReportMarksTheLinkExpired() {
        CrmUser user = users.create("Ezra", "Expired", "ezra.expired@example.com", true, true);
        // Keycloak's clock may run a little ahead: a link due within seconds of the report counts as expired by then.
        long request = users.sentEarlier(user, Duration.ZERO, Duration.ofSeconds(20)).getId();
        assertEquals(Outcome.APPLIED, linkReports.apply(report(ReportType.LINK_EXPIRED, user.getKeycloakId())));
        assertEquals(ResetStatus.EXPIRED, requests.find(request).orElseThrow().getStatus());
    }

    @Test
    void aPasswordChangeReportedAfterTheLinkRanOutStillCounts() {
        CrmUser user = users.create("Otto", "Outoforder", "otto.outoforder@example.com", true, true);
        ResetRequest link = users.sentEarlier(user, Duration.ofMinutes(10), Duration.ofMinutes(5));
        expiry.expireRunOut();
        assertEquals(ResetStatus.EXPIRED, requests.find(link.getId()).orElseThrow().getStatus(), "the CRM saw its time run out");

        LinkReport late = report(ReportType.PASSWORD_CHANGED, user.getKeycloakId(), Instant.now().minus(Duration.ofMinutes(8)));
        assertEquals(Outcome.APPLIED, linkReports.apply(late));
        assertEquals(ResetStatus.COMPLETED, requests.find(link.getId()).orElseThrow().getStatus(),
                "the password was set while the link still worked");
    }

    @Test
    void missedReportsAreRecoveredFromKeycloaksStoredEventsOnce() {
        CrmUser user = users.create("Rex", "Reconciled", "rex.reconciled@example.com", true, true);
        long request = sentLinkFor(user);
        LinkReport stored = report(ReportType.PASSWORD_CHANGED, user.getKeycloakId());
        keycloak.store(stored);

        assertEquals(1, reconciliation.reconcile(user.getId()));
        assertEquals(ResetStatus.COMPLETED, requests.find(request).orElseThrow().getStatus());
        assertEquals(0, reconciliation.reconcile(user.getId()), "nothing open is left to reconcile");
        assertEquals(Outcome.ALREADY_RECEIVED, linkReports.apply(stored), "the report that arrives late is the same event");
    }

    @Test
    void aSendTheCrmCouldNotRecordIsConfirmedFromKeycloaksStoredAdminEvent() {
        CrmUser user = users.create("Cas", "Cutshort", "cas.cutshort@example.com", true, true);
        long request = ledger.open(user.getId(), "admin", Duration.ofHours(12)).requestId(); // the CRM stopped mid-call
        keycloak.store(report(ReportType.LINK_SENT, user.getKeycloakId()));

        assertEquals(1, reconciliation.reconcile(user.getId()));
        assertEquals(ResetStatus.SENT, requests.find(request).orElseThrow().getStatus());
    }

    @Test
    void whenKeycloaksReportCameFirstTheCrmsOwnAnswerChangesNothing() {
        CrmUser user = users.create("Fay", "First", "fay.first@example.com", true, true);
        ResetLedger.Opening sent = ledger.open(user.getId(), "admin", Duration.ofHours(12));
        assertEquals(Outcome.APPLIED, linkReports.apply(report(ReportType.LINK_SENT, user.getKeycloakId())));
        assertInstanceOf(ResetAttempt.Sent.class, ledger.markSent(sent.requestId()));

        CrmUser late = users.create("Tim", "Timeout", "tim.timeout@example.com", true, true);
        ResetLedger.Opening timedOut = ledger.open(late.getId(), "admin", Duration.ofHours(12));
        assertEquals(Outcome.APPLIED, linkReports.apply(report(ReportType.LINK_SENT, late.getKeycloakId())));
        assertInstanceOf(ResetAttempt.Sent.class,
                ledger.markFailed(timedOut.requestId(), ResetFailure.KEYCLOAK_TIMEOUT, null),
                "Keycloak said it sent the link, so a timeout afterwards is not a failure");
        assertEquals(ResetStatus.SENT, requests.find(timedOut.requestId()).orElseThrow().getStatus());
    }

    @Test
    void reportsForUnknownUsersOrOfNoConsequenceAreAcceptedAndChangeNothing() {
        assertEquals(Outcome.NOTHING_TO_APPLY, linkReports.apply(report(ReportType.PASSWORD_CHANGED, "no-such-user")));
        CrmUser user = users.create("Lia", "Linksent", "lia.linksent@example.com", true, true);
        long request = sentLinkFor(user);
        assertEquals(Outcome.NOTHING_TO_APPLY, linkReports.apply(report(ReportType.LINK_SENT, user.getKeycloakId())));
        assertEquals(ResetStatus.SENT, requests.find(request).orElseThrow().getStatus());
    }

    @Test
    void aLinkTheUserAskedForIsRecordedAsTheirsReplacesTheAdminsAndCountsTowardsTheHourlyLimit() {
        CrmUser user = users.create("Sami", "Selfservice", "sami.selfservice@example.com", true, true);
        long admins = sentLinkFor(user);
        Instant sent = Instant.now().truncatedTo(ChronoUnit.MILLIS); // as a report carries it, and the database keeps it
        LinkReport own = new LinkReport(UUID.randomUUID().toString(), ReportType.LINK_SENT, user.getKeycloakId(), sent,
                sent.plus(Duration.ofMinutes(30)), true, true);

        assertEquals(Outcome.APPLIED, linkReports.apply(own));
        ResetRequest recorded = requests.latestSentFor(user.getId()).orElseThrow();
        assertEquals(ResetStatus.SENT, recorded.getStatus());
        assertEquals(true, recorded.isRequestedByUser());
        assertEquals(user.getUsername(), recorded.getRequestedBy());
        assertEquals(sent.plus(Duration.ofMinutes(30)), recorded.getExpiresAt());
        assertEquals(ResetStatus.SUPERSEDED, requests.find(admins).orElseThrow().getStatus(), "the user's own link replaced the admin's");
        assertEquals(Outcome.ALREADY_RECEIVED, linkReports.apply(own), "recorded once");
        assertEquals(2, requests.emailedSince(user.getId(), sent.minus(Duration.ofHours(1))).size(), "both count towards the limit");

        assertEquals(Outcome.APPLIED, linkReports.apply(report(ReportType.PASSWORD_CHANGED, user.getKeycloakId())));
        assertEquals(ResetStatus.COMPLETED, requests.find(recorded.getId()).orElseThrow().getStatus());
    }

    private long sentLinkFor(CrmUser user) {
        ResetLedger.Opening opening = ledger.open(user.getId(), "admin", Duration.ofHours(12));
        ledger.markSent(opening.requestId());
        return opening.requestId();
    }

    private static LinkReport report(ReportType type, String keycloakUserId) {
        return report(type, keycloakUserId, Instant.now());
    }

    private static LinkReport report(ReportType type, String keycloakUserId, Instant occurredAt) {
        return new LinkReport(UUID.randomUUID().toString(), type, keycloakUserId, occurredAt, null, false);
    }
}
