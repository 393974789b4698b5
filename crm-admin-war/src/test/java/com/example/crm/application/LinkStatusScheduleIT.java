package com.example.crm.application;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.crm.domain.model.reset.LinkReport;
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
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The 5-minute recovery of missed reports, run through its timer bean in a real Payara Micro. */
@ExtendWith(ArquillianExtension.class)
class LinkStatusScheduleIT {

    @Deployment
    static WebArchive deployment() {
        return CrmDeployment.applicationAndPersistence();
    }

    @Inject
    LinkStatusSchedule schedule;

    @Inject
    TestUsers users;

    @Inject
    ResetRequests requests;

    @Inject
    RecordingKeycloakAccounts keycloak;

    @Inject
    DatabaseFaults database;

    @Test
    void coversEveryOpenLinkInOneReadOfKeycloaksEventsWithNoTransactionOpenWhileKeycloakAnswers() {
        List<Long> links = new ArrayList<>();
        for (int i = 0; i < LinkReconciliation.PAGE + 5; i++) { // more than one page of users
            CrmUser user = users.create("Olga" + i, "Open", "olga" + i + ".open@example.com", true, true);
            links.add(users.sentEarlier(user, Duration.ofMinutes(i == 0 ? 30 : 1), Duration.ofHours(1)).getId());
            keycloak.store(new LinkReport(UUID.randomUUID().toString(), ReportType.PASSWORD_CHANGED, user.getKeycloakId(),
                    Instant.now(), null, false));
        }
        int readsBefore = keycloak.allUsersReads().size();

        recoverUntilCompleted(links.get(0), links.get(links.size() - 1));

        for (long link : links) {
            assertEquals(ResetStatus.COMPLETED, requests.find(link).orElseThrow().getStatus(), "link " + link);
        }
        List<Instant> reads = keycloak.allUsersReads();
        assertTrue(reads.size() - readsBefore <= 4, "one read per turn, not one per user: " + (reads.size() - readsBefore));
        Instant firstLinkSent = requests.find(links.get(0)).orElseThrow().getRequestedAt();
        assertTrue(!reads.get(reads.size() - 1).isAfter(firstLinkSent), "the read goes back to the oldest open link");
        assertEquals(0, keycloak.allUsersReadsInTransaction(), "no transaction stays open while Keycloak answers");
    }

    @Test
    void aTurnThatFailsWithTheDatabaseGoneNeverEscapesToTheContainerWhichWouldExpungeTheTimer() {
        database.takeAway("reset_request");
        try {
            assertDoesNotThrow(schedule::expireRunOutLinks);
            assertDoesNotThrow(schedule::recoverMissedReports);
        } finally {
            database.bringBack("reset_request");
        }
    }

    /** Runs the recovery; again if the timer's own run was under way (a call then lets it pass) and missed a link. */
    private void recoverUntilCompleted(long... links) {
        for (int run = 0; run < 3 && !completed(links); run++) {
            schedule.recoverMissedReports();
        }
    }

    private boolean completed(long... links) {
        return Arrays.stream(links).allMatch(link -> requests.find(link).orElseThrow().getStatus() == ResetStatus.COMPLETED);
    }

    @Test
    void aSlowRecoveryNeverHoldsUpTheMinutesExpiry() throws Exception {
        CrmUser slow = users.create("Sid", "Slow", "sid.slow@example.com", true, true);
        users.sentEarlier(slow, Duration.ofMinutes(1), Duration.ofHours(1));
        int readsBefore = keycloak.allUsersReads().size();
        keycloak.allUsersReadTakes(Duration.ofSeconds(8));
        CompletableFuture<Void> recovery = CompletableFuture.runAsync(schedule::recoverMissedReports);
        try {
            while (keycloak.allUsersReads().size() == readsBefore) {
                Thread.sleep(50); // until the recovery waits on "Keycloak"
            }
            Instant start = Instant.now();
            schedule.expireRunOutLinks();
            Duration took = Duration.between(start, Instant.now());
            assertTrue(took.compareTo(Duration.ofSeconds(4)) < 0, "the expiry waited " + took + " for the recovery");
        } finally {
            keycloak.allUsersReadTakes(Duration.ZERO);
            recovery.get(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void whenKeycloaksEventsCannotBeReadTheNextTurnRecoversWhatWasMissed() {
        CrmUser dan = users.create("Dan", "Done", "dan.done@example.com", true, true);
        long link = users.sentEarlier(dan, Duration.ofMinutes(1), Duration.ofHours(1)).getId();
        keycloak.store(new LinkReport(UUID.randomUUID().toString(), ReportType.PASSWORD_CHANGED, dan.getKeycloakId(),
                Instant.now(), null, false));
        keycloak.allUsersReadBreaks(true);
        try {
            assertDoesNotThrow(schedule::recoverMissedReports);
            assertEquals(ResetStatus.SENT, requests.find(link).orElseThrow().getStatus(), "nothing was read");
        } finally {
            keycloak.allUsersReadBreaks(false);
        }

        recoverUntilCompleted(link);

        assertEquals(ResetStatus.COMPLETED, requests.find(link).orElseThrow().getStatus());
    }
}
