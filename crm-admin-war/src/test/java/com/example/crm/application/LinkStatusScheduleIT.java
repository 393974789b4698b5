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
    void coversEveryOpenLinkWithNoTransactionOpenWhileKeycloakAnswers() {
        List<CrmUser> open = new ArrayList<>();
        for (int i = 0; i < LinkReconciliation.PAGE + 5; i++) { // more than one page of users
            CrmUser user = users.create("Olga" + i, "Open", "olga" + i + ".open@example.com", true, true);
            users.sentEarlier(user, Duration.ofMinutes(1), Duration.ofHours(1));
            open.add(user);
        }

        recoverUntilAsked(open.get(open.size() - 1));

        for (CrmUser user : open) {
            assertTrue(keycloak.eventsAskedFor().contains(user.getKeycloakId()), user.getFirstName() + " was checked");
            assertTrue(!keycloak.eventsAskedInTransaction().contains(user.getKeycloakId()),
                    user.getFirstName() + " was checked while a transaction was open");
        }
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

    /** Runs the recovery; again if the timer's own run was under way (a call then lets it pass) and missed the user. */
    private void recoverUntilAsked(CrmUser user) {
        for (int run = 0; run < 3 && !keycloak.eventsAskedFor().contains(user.getKeycloakId()); run++) {
            schedule.recoverMissedReports();
        }
    }

    @Test
    void aSlowRecoveryNeverHoldsUpTheMinutesExpiry() throws Exception {
        CrmUser slow = users.create("Sid", "Slow", "sid.slow@example.com", true, true);
        users.sentEarlier(slow, Duration.ofMinutes(1), Duration.ofHours(1));
        keycloak.slowEventsFor(slow.getKeycloakId(), Duration.ofSeconds(8));
        CompletableFuture<Void> recovery = CompletableFuture.runAsync(schedule::recoverMissedReports);
        try {
            while (!keycloak.eventsAskedFor().contains(slow.getKeycloakId())) {
                Thread.sleep(50); // until the recovery waits on "Keycloak" for Sid
            }
            Instant start = Instant.now();
            schedule.expireRunOutLinks();
            Duration took = Duration.between(start, Instant.now());
            assertTrue(took.compareTo(Duration.ofSeconds(4)) < 0, "the expiry waited " + took + " for the recovery");
        } finally {
            recovery.get(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void oneUsersFailureDoesNotStopTheOthersAndEachChangeCommitsOnItsOwn() {
        CrmUser broken = users.create("Bea", "Broken", "bea.broken@example.com", true, true);
        users.sentEarlier(broken, Duration.ofMinutes(1), Duration.ofHours(1));
        keycloak.breakEventsFor(broken.getKeycloakId());
        CrmUser done = users.create("Dan", "Done", "dan.done@example.com", true, true);
        long link = users.sentEarlier(done, Duration.ofMinutes(1), Duration.ofHours(1)).getId();
        keycloak.store(new LinkReport(UUID.randomUUID().toString(), ReportType.PASSWORD_CHANGED, done.getKeycloakId(),
                Instant.now(), null, false));

        recoverUntilAsked(done);

        assertTrue(keycloak.eventsAskedFor().contains(broken.getKeycloakId()));
        assertEquals(ResetStatus.COMPLETED, requests.find(link).orElseThrow().getStatus(),
                "the user after the broken one was reconciled, and it stayed");
    }
}
