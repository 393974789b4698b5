package com.example.crm.application;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.crm.testsupport.RecordingEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** A timer's turn runs only on the instance that claimed the period, and a failing turn never escapes. */
class ScheduledJobsTest {

    private static final Logger LOG = Logger.getLogger(ScheduledJobsTest.class.getName());

    private final List<String> claims = new ArrayList<>();
    private final List<JobTurnRan> counted = new ArrayList<>();
    private boolean granted;
    private final ScheduledJobs jobs = new ScheduledJobs();

    ScheduledJobsTest() {
        jobs.instance = new ThisInstance();
        jobs.leases = new WorkLeases() {
            @Override
            public boolean claim(String work, String holder, Duration term) {
                claims.add(work + " " + term);
                return granted;
            }

            @Override
            public void release(String work, String holder) {
            }
        };
        jobs.turns = new RecordingEvent<>(counted);
    }

    @Test
    void runsTheTurnOnlyWhenThisInstanceClaimedThePeriod() {
        List<String> ran = new ArrayList<>();
        granted = false;
        jobs.runTurn(LOG, "Link expiry", Duration.ofMinutes(1), () -> ran.add("elsewhere"));
        granted = true;
        jobs.runTurn(LOG, "Link expiry", Duration.ofMinutes(1), () -> ran.add("here"));

        assertEquals(List.of("here"), ran);
        assertEquals(List.of(new JobTurnRan("Link expiry")), counted, "only the turn run here is counted here");
        assertEquals(List.of("job:Link expiry PT50S", "job:Link expiry PT50S"), claims, "claimed for a little less than the period");
    }

    @Test
    void aFailingTurnOrClaimIsLoggedAndNeverThrown() {
        granted = true;
        assertDoesNotThrow(() -> jobs.runTurn(LOG, "Link expiry", Duration.ofMinutes(1), () -> {
            throw new IllegalStateException("database gone");
        }));
        jobs.leases = null; // the claim itself fails
        assertDoesNotThrow(() -> jobs.runTurn(LOG, "Link expiry", Duration.ofMinutes(1), () -> {
        }));
    }
}
