package com.example.crm.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.crm.domain.model.reset.LinkReport;
import com.example.crm.domain.model.reset.ResetFailure;
import com.example.crm.domain.model.reset.ResetRequest;
import com.example.crm.domain.model.reset.ResetRequests;
import com.example.crm.domain.model.reset.ResetStatus;
import com.example.crm.domain.model.user.CrmUser;
import com.example.crm.report.ReportType;
import com.example.crm.testsupport.CrmDeployment;
import com.example.crm.testsupport.DatabaseFaults;
import com.example.crm.testsupport.RecordingKeycloakAccounts;
import com.example.crm.testsupport.TestUsers;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The reset's database side in a real Payara Micro: transactions, row locks and what gets recorded. */
@ExtendWith(ArquillianExtension.class)
class ResetLedgerIT {

    private static final Duration LIFESPAN = Duration.ofHours(12);

    @Deployment
    static WebArchive deployment() {
        return CrmDeployment.applicationAndPersistence();
    }

    @Inject
    ResetLedger ledger;

    @Inject
    ResetRequests requests;

    @Inject
    TestUsers users;

    @Inject
    PasswordResetService resets;

    @Inject
    RecordingKeycloakAccounts keycloak;

    @Inject
    DatabaseFaults database;

    @Inject
    LinkReports linkReports;

    @Test
    void recordsARefusedAttemptAndNamesTheReason() {
        CrmUser user = users.create("Nora", "Noemail", null, true, true);
        ResetLedger.Opening opening = ledger.open(user.getId(), "admin", LIFESPAN);

        ResetAttempt.Refused refused = assertInstanceOf(ResetAttempt.Refused.class, opening.attempt());
        assertEquals(ResetFailure.NO_EMAIL, refused.failure());
        ResetRequest recorded = requests.latestFor(user.getId()).orElseThrow();
        assertEquals(ResetStatus.FAILED, recorded.getStatus());
        assertEquals(ResetFailure.NO_EMAIL, recorded.getFailure());
        assertEquals("admin", recorded.getRequestedBy());
    }

    @Test
    void sentLinkKeepsItsExpiryThroughTheDatabase() {
        CrmUser user = users.create("Sam", "Sent", "sam.sent@example.com", true, true);
        ResetLedger.Opening opening = ledger.open(user.getId(), "admin", LIFESPAN);
        assertNotNull(opening.requestId());

        ResetAttempt.Sent sent = assertInstanceOf(ResetAttempt.Sent.class, ledger.markSent(opening.requestId()));
        ResetRequest reloaded = requests.find(opening.requestId()).orElseThrow();
        assertEquals(ResetStatus.SENT, reloaded.getStatus());
        assertEquals(reloaded.getRequestedAt().plus(LIFESPAN), reloaded.getExpiresAt());
        assertEquals(sent.expiresAt(), reloaded.getExpiresAt());
        assertEquals(reloaded.getExpiresAt(), requests.latestSentFor(user.getId()).orElseThrow().getExpiresAt());
        assertEquals("s***@example.com", reloaded.getRecipient(), "where it was addressed, masked");
    }

    @Test
    void keepsKeycloaksWordsWhenTheSendFails() {
        CrmUser user = users.create("Fay", "Failed", "fay.failed@example.com", true, true);
        ResetLedger.Opening opening = ledger.open(user.getId(), "admin", LIFESPAN);
        ledger.markFailed(opening.requestId(), ResetFailure.MAIL_SERVER_FAILED, "Failed to send execute actions email");

        ResetRequest recorded = requests.find(opening.requestId()).orElseThrow();
        assertEquals(ResetStatus.FAILED, recorded.getStatus());
        assertEquals("Failed to send execute actions email", recorded.getKeycloakError());
        assertNull(recorded.getExpiresAt());
    }

    @Test
    void twoAdminsClickingAtOnceOpenOneRequest() throws Exception {
        CrmUser user = users.create("Dora", "Double", "dora.double@example.com", true, true);
        CountDownLatch start = new CountDownLatch(1);
        Callable<ResetLedger.Opening> click = () -> {
            start.await();
            return ledger.open(user.getId(), "admin", LIFESPAN);
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<ResetLedger.Opening> first = pool.submit(click);
            Future<ResetLedger.Opening> second = pool.submit(click);
            start.countDown();
            List<ResetLedger.Opening> openings = List.of(first.get(), second.get());

            assertEquals(1, openings.stream().filter(o -> o.requestId() != null).count(), "exactly one request goes out");
            assertTrue(openings.stream().anyMatch(o -> o.attempt() instanceof ResetAttempt.AlreadyRequested));
            assertEquals(1, requests.historyFor(user.getId(), 10).size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theHourlyLimitTurnsAwayAnotherLinkAndSaysWhenOneMayBeSent() {
        CrmUser user = users.create("Rita", "Ratelimit", "rita.ratelimit@example.com", true, true);
        ResetRequest oldest = users.sentEarlier(user, Duration.ofMinutes(50), LIFESPAN);
        for (int minutes = 40; minutes >= 10; minutes -= 10) {
            users.sentEarlier(user, Duration.ofMinutes(minutes), LIFESPAN);
        }
        ResetLedger.Opening opening = ledger.open(user.getId(), "admin", LIFESPAN);

        assertNull(opening.requestId(), "no sixth link within the hour");
        ResetAttempt.RateLimited limited = assertInstanceOf(ResetAttempt.RateLimited.class, opening.attempt());
        assertEquals(5, limited.limit());
        assertEquals(oldest.getRequestedAt().plus(Duration.ofHours(1)), limited.retryAt());
        ResetRequest recorded = requests.latestFor(user.getId()).orElseThrow();
        assertEquals(ResetStatus.RATE_LIMITED, recorded.getStatus());
        assertEquals(recorded.getId(), users.reload(user).getLastReset().getId(), "the users list shows the refusal");
    }

    @Test
    void adminsClickingAtOnceCannotPassTheHourlyLimitTogether() throws Exception {
        CrmUser user = users.create("Cleo", "Concurrent", "cleo.concurrent@example.com", true, true);
        for (int minutes = 40; minutes >= 10; minutes -= 10) {
            users.sentEarlier(user, Duration.ofMinutes(minutes), LIFESPAN); // four of five
        }
        CountDownLatch start = new CountDownLatch(1);
        Callable<ResetLedger.Opening> click = () -> {
            start.await();
            ResetLedger.Opening opening = ledger.open(user.getId(), "admin", LIFESPAN);
            if (opening.requestId() != null) {
                ledger.markSent(opening.requestId());
            }
            return opening;
        };
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<ResetLedger.Opening>> clicks = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                clicks.add(pool.submit(click));
            }
            start.countDown();
            long sent = 0;
            for (Future<ResetLedger.Opening> f : clicks) {
                sent += f.get().requestId() == null ? 0 : 1;
            }
            assertEquals(1, sent, "only the fifth link goes out");
            assertEquals(5, requests.historyFor(user.getId(), 20).stream().filter(r -> r.getStatus().wasEmailed()).count());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onlyCrmAdminsMaySendResetLinks() {
        CrmUser user = users.create("Ike", "Intruder", "ike.intruder@example.com", true, true);
        assertThrows(SecurityException.class, () -> resets.sendResetLink(user.getId()));
        assertTrue(requests.historyFor(user.getId(), 10).isEmpty(), "nothing recorded");
        assertFalse(keycloak.calls().contains(user.getKeycloakId()), "Keycloak never asked");
    }

    @Test
    void aSendTheDatabaseCouldNotRecordIsStillSaidToBeSentAndConfirmedLater() {
        CrmUser user = users.create("Dora", "Dbdown", "dora.dbdown@example.com", true, true);
        keycloak.duringNextSend(() -> database.takeAway("reset_request")); // fails after Keycloak's 204
        ResetAttempt attempt;
        try {
            attempt = resets.send(user.getId(), "admin");
        } finally {
            database.bringBack("reset_request");
        }

        assertInstanceOf(ResetAttempt.Sent.class, attempt, "Keycloak sent the email: the admin is told so");
        ResetRequest unrecorded = requests.latestFor(user.getId()).orElseThrow();
        assertEquals(ResetStatus.REQUESTED, unrecorded.getStatus(), "the CRM could not record it");
        linkReports.apply(new LinkReport(UUID.randomUUID().toString(), ReportType.LINK_SENT, user.getKeycloakId(),
                Instant.now(), null, false));
        assertEquals(ResetStatus.SENT, requests.find(unrecorded.getId()).orElseThrow().getStatus(),
                "Keycloak's report confirms it");
    }
}
