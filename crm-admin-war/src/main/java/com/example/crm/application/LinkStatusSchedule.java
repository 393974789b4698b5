package com.example.crm.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Background upkeep of link statuses: expiry as time passes (and requests never confirmed as sent), recovery of
 * missed reports, and forgetting reports received long ago. The timers start no transaction of their own (each
 * step takes its own short one, never around a Keycloak call), and no job waits for another: a long recovery never
 * holds up the minute's expiry.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LinkStatusSchedule {

    private static final Logger LOG = Logger.getLogger(LinkStatusSchedule.class.getName());

    @Inject
    LinkExpiry expiry;

    @Inject
    LinkReconciliation reconciliation;

    @Inject
    ReceivedReportsRetention retention;

    @Inject
    Clock clock;

    @Inject
    ScheduledJobs jobs;

    private final AtomicBoolean recovering = new AtomicBoolean();
    private volatile Instant lastExpiryStarted;

    @PostConstruct
    void created() {
        lastExpiryStarted = clock.instant();
    }

    @Schedule(hour = "*", minute = "*", second = "0", persistent = false)
    public void expireRunOutLinks() {
        lastExpiryStarted = clock.instant();
        jobs.runTurn(LOG, "Link expiry", Duration.ofMinutes(1), () -> {
            expiry.expireRunOut();
            expiry.closeUnconfirmed();
        });
    }

    /** When the minute's expiry last started (or, before its first run, when the schedule was set up): its heartbeat. */
    public Instant lastExpiryStarted() {
        return lastExpiryStarted;
    }

    /** Every open link, every 5 minutes; a run still going when the next is due lets that one pass. */
    @Schedule(hour = "*", minute = "*/5", persistent = false)
    public void recoverMissedReports() {
        if (!recovering.compareAndSet(false, true)) {
            LOG.info("Missed-report recovery still runs from the last time; this run is skipped");
            return;
        }
        try {
            jobs.runTurn(LOG, "Missed-report recovery", Duration.ofMinutes(5), reconciliation::reconcileOpenLinks);
        } finally {
            recovering.set(false);
        }
    }

    /** Hourly, at most {@link ReceivedReportsRetention#MAX_BATCHES} batches, each committed on its own. */
    @Schedule(hour = "*", minute = "23", persistent = false)
    public void pruneReceivedReports() {
        jobs.runTurn(LOG, "Pruning received reports", Duration.ofHours(1), this::pruneInBatches);
    }

    private void pruneInBatches() {
        int pruned = 0;
        for (int batch = 0; batch < ReceivedReportsRetention.MAX_BATCHES; batch++) {
            int removed = retention.pruneBatch();
            pruned += removed;
            if (removed < ReceivedReportsRetention.BATCH) {
                break;
            }
        }
        if (pruned > 0) {
            int forgotten = pruned;
            LOG.info(() -> "Forgot " + forgotten + " Keycloak reports received more than "
                    + ReceivedReportsRetention.KEPT_FOR.toDays() + " days ago");
        }
    }
}
