package com.example.crm.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.crm.domain.model.bulk.BulkOutcome;
import com.example.crm.domain.model.bulk.BulkRunItem;
import com.example.crm.domain.model.bulk.BulkRuns;
import com.example.crm.domain.model.bulk.SkipReason;
import com.example.crm.domain.model.reset.ResetFailure;
import com.example.crm.domain.model.user.CrmUser;
import com.example.crm.testsupport.CrmDeployment;
import com.example.crm.testsupport.DatabaseFaults;
import com.example.crm.testsupport.InTransaction;
import com.example.crm.testsupport.RecordingKeycloakAccounts;
import com.example.crm.testsupport.TestUsers;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bulk runs in a real Payara Micro: every user's outcome stored, a few sends at a time, never more. */
@ExtendWith(ArquillianExtension.class)
class BulkResetsIT {

    /** The deployment sets no {@code crm.bulk.concurrency}: the default holds. */
    private static final int BOUND = Integer.parseInt(BulkResets.DEFAULT_CONCURRENCY);

    @Deployment
    static WebArchive deployment() {
        return CrmDeployment.applicationAndPersistence();
    }

    @Inject
    BulkResets bulk;

    @Inject
    BulkLedger ledger;

    @Inject
    BulkRuns runs;

    @Inject
    TestUsers users;

    @Inject
    RecordingKeycloakAccounts keycloak;

    @Inject
    InTransaction tx;

    @Inject
    DatabaseFaults database;

    @Inject
    WorkLeases leases;

    @Test
    void sendsToEligibleUsersSkipsTheOthersWithTheReasonAndBoundsConcurrency() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            ids.add(users.create("Bulk" + i, "Eligible", "bulk" + i + "@example.com", true, true).getId());
        }
        CrmUser inactive = users.create("Ina", "Inactive", "ina@example.com", false, true);
        CrmUser limited = users.create("Lim", "Limited", "lim@example.com", true, true);
        for (int minutes = 50; minutes >= 10; minutes -= 10) {
            users.sentEarlier(limited, Duration.ofMinutes(minutes), Duration.ofHours(1));
        }
        ids.add(inactive.getId());
        ids.add(limited.getId());
        ids.add(ids.get(0)); // listed twice, sent once

        keycloak.takeForEachSend(Duration.ofMillis(150));
        long runId = ledger.record("admin", new LinkedHashSet<>(ids));
        bulk.dispatch(runId);
        awaitFinished(runId, Duration.ofSeconds(60));

        Map<BulkOutcome, Long> counts = tx.get(() -> runs.countByOutcome(runId));
        assertEquals(16L, counts.get(BulkOutcome.SENT));
        assertEquals(2L, counts.get(BulkOutcome.SKIPPED));
        assertEquals(18, tx.get(() -> runs.find(runId).orElseThrow().getTotal()));
        List<BulkRunItem> items = tx.get(() -> runs.items(runId));
        BulkRunItem skippedInactive = items.stream().filter(item -> item.getUser().getId().equals(inactive.getId())).findFirst().orElseThrow();
        assertEquals(ResetFailure.INACTIVE, skippedInactive.getFailure());
        BulkRunItem skippedLimited = items.stream().filter(item -> item.getUser().getId().equals(limited.getId())).findFirst().orElseThrow();
        assertEquals(SkipReason.RATE_LIMITED, skippedLimited.getSkipReason());
        int mostAtOnce = keycloak.mostSendsAtOnce();
        assertTrue(mostAtOnce >= 2 && mostAtOnce <= BOUND, "sends in parallel, at most " + BOUND + " at once: " + mostAtOnce);
        keycloak.takeForEachSend(Duration.ZERO);
    }

    @Test
    void twoRunsAtOnceShareOneBoundOnCallsToKeycloak() throws Exception {
        List<Long> first = new ArrayList<>();
        List<Long> second = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            first.add(users.create("Alpha" + i, "Run", "alpha" + i + "@example.com", true, true).getId());
            second.add(users.create("Beta" + i, "Run", "beta" + i + "@example.com", true, true).getId());
        }
        keycloak.takeForEachSend(Duration.ofMillis(200));
        long one = ledger.record("admin", new LinkedHashSet<>(first));
        long two = ledger.record("admin", new LinkedHashSet<>(second));
        bulk.dispatch(one);
        bulk.dispatch(two);
        awaitFinished(one, Duration.ofSeconds(60));
        awaitFinished(two, Duration.ofSeconds(60));

        int mostAtOnce = keycloak.mostSendsAtOnce();
        assertTrue(mostAtOnce <= BOUND, "at most " + BOUND + " sends at once across both runs: " + mostAtOnce);
        keycloak.takeForEachSend(Duration.ZERO);
    }

    @Test
    void aDatabaseOutageMidRunLosesNoUserAndEmailsNobodyTwice() throws Exception {
        List<CrmUser> team = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            team.add(users.create("Outage" + i, "Team", "outage" + i + "@example.com", true, true));
        }
        keycloak.takeForEachSend(Duration.ofMillis(150));
        long runId = ledger.record("admin", new LinkedHashSet<>(team.stream().map(CrmUser::getId).toList()));
        bulk.dispatch(runId);
        while (team.stream().filter(user -> keycloak.calls().contains(user.getKeycloakId())).count() < 4) {
            Thread.sleep(20);
        }
        database.takeAway("bulk_run_item"); // longer than a worker's retries: some outcomes cannot be recorded now
        Thread.sleep(10_000);
        database.bringBack("bulk_run_item");

        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!tx.get(() -> runs.find(runId).orElseThrow().isFinished())) {
            assertTrue(Instant.now().isBefore(deadline), "the run did not finish after the database came back");
            bulk.resumeUnfinished(); // what the minute's timer does
            Thread.sleep(500);
        }
        assertEquals(12L, tx.get(() -> runs.countByOutcome(runId)).get(BulkOutcome.SENT), "every user's outcome recorded");
        for (CrmUser user : team) {
            assertEquals(1, keycloak.calls().stream().filter(user.getKeycloakId()::equals).count(),
                    user.getFirstName() + " was emailed once");
        }
        keycloak.takeForEachSend(Duration.ZERO);
    }

    @Test
    void aResumedRunEmailsNobodyItHadEmailedBeforeItStopped() throws Exception {
        CrmUser reached = users.create("Rea", "Reached", "rea.reached@example.com", true, true);
        CrmUser waiting = users.create("Wes", "Waiting", "wes.waiting@example.com", true, true);
        long runId = ledger.record("admin", new LinkedHashSet<>(List.of(reached.getId(), waiting.getId())));
        Thread.sleep(10);
        users.sentEarlier(reached, Duration.ZERO, Duration.ofHours(12)); // sent by the run, then the server stopped

        bulk.resumeUnfinished();
        awaitFinished(runId, Duration.ofSeconds(30));

        assertEquals(2L, tx.get(() -> runs.countByOutcome(runId)).get(BulkOutcome.SENT));
        assertTrue(!keycloak.calls().contains(reached.getKeycloakId()), "not emailed a second time");
        assertTrue(keycloak.calls().contains(waiting.getKeycloakId()));
    }

    @Test
    void aRunAnotherInstanceHoldsIsLeftToItUntilItsClaimRunsOut() throws Exception {
        CrmUser member = users.create("Cla", "Claimed", "cla.claimed@example.com", true, true);
        long runId = ledger.record("admin", new LinkedHashSet<>(List.of(member.getId())));
        assertTrue(leases.claim("bulk-run:" + runId, "another-instance", Duration.ofSeconds(2)));

        bulk.resumeUnfinished();
        Thread.sleep(500);
        assertTrue(!keycloak.calls().contains(member.getKeycloakId()), "the other instance's run is not touched");

        Thread.sleep(2_000); // the other instance said nothing for its whole term: it is gone
        bulk.resumeUnfinished();
        awaitFinished(runId, Duration.ofSeconds(30));
        assertEquals(1, keycloak.calls().stream().filter(member.getKeycloakId()::equals).count(), "taken over, emailed once");
    }

    @Test
    void startingARunNeedsTheCrmAdminRole() {
        assertThrows(SecurityException.class, () -> bulk.start(List.of(1L)));
    }

    private void awaitFinished(long runId, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (!tx.get(() -> runs.find(runId).orElseThrow().isFinished())) {
            assertTrue(Instant.now().isBefore(deadline), "the run did not finish within " + limit);
            Thread.sleep(200);
        }
    }
}
