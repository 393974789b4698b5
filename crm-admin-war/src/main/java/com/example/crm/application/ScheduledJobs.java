package com.example.crm.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one turn of a timer's job. The server's timers fire on every CRM instance, so a turn first claims the job for
 * a little less than its period: one instance runs each period, whichever claims first, and when an instance dies
 * another simply claims the next period. A failure (the database gone for a while) never escapes to the EJB
 * container: Payara expunges a timer whose turn and retry both failed, and the job would never run again.
 */
@ApplicationScoped
public class ScheduledJobs {

    /** What a claim leaves of the period: a later instance's timer, firing a little late, still finds it taken. */
    private static final Duration MARGIN = Duration.ofSeconds(10);

    @Inject
    WorkLeases leases;

    @Inject
    ThisInstance instance;

    @Inject
    Event<JobTurnRan> turns;

    /** Runs {@code turn} here unless another instance has claimed this period's turn. */
    public void runTurn(Logger log, String job, Duration period, Runnable turn) {
        try {
            if (!leases.claim("job:" + job, instance.name(), period.minus(MARGIN))) {
                log.fine(() -> job + ": another CRM instance runs this turn");
                return;
            }
            turns.fire(new JobTurnRan(job));
            turn.run();
        } catch (RuntimeException e) {
            log.log(Level.WARNING, "{0} failed this time and runs again at its next turn: {1}",
                    new Object[] {job, rootCause(e)});
        }
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
