package com.example.crm.application;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one turn of a timer's job so that a failure (the database gone for a while) never escapes to the EJB container:
 * Payara expunges a timer whose turn and retry both failed, and the job would never run again until a restart.
 */
final class ScheduledJobs {

    private ScheduledJobs() {
    }

    static void runTurn(Logger log, String job, Runnable turn) {
        try {
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
