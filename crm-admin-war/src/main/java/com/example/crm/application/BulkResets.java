package com.example.crm.application;

import com.example.crm.domain.model.reset.ResetFailure;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends reset links to many users: the run and every user's outcome are stored first, then a few workers
 * (never more than the configured concurrency) call Keycloak one user at a time, off the admin's request.
 */
@ApplicationScoped
public class BulkResets {

    /** The most users one run may cover. */
    public static final int MAX_USERS = 1000;
    private static final Logger LOG = Logger.getLogger(BulkResets.class.getName());

    @Inject
    PasswordResetService resets;

    @Inject
    BulkLedger ledger;

    @Inject
    SignedInAdmin admins;

    @Resource
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "crm.bulk.concurrency", defaultValue = "4")
    int concurrency;

    /** Starts a run for these users (duplicates and unknown ids dropped) as the signed-in admin; returns its id. */
    public long start(List<Long> crmUserIds) {
        String admin = admins.require();
        Set<Long> unique = new LinkedHashSet<>(crmUserIds);
        if (unique.isEmpty() || unique.size() > MAX_USERS) {
            throw new IllegalArgumentException("A bulk run covers 1 to " + MAX_USERS + " users, not " + unique.size());
        }
        long runId = ledger.record(admin, unique);
        dispatch(runId);
        return runId;
    }

    /** Works through the run's pending items with at most {@code concurrency} workers. */
    void dispatch(long runId) {
        Queue<Long> pending = new ConcurrentLinkedQueue<>(ledger.pendingItems(runId));
        String admin = ledger.startedBy(runId);
        int workers = Math.max(1, Math.min(concurrency, pending.size()));
        AtomicInteger running = new AtomicInteger(workers);
        for (int i = 0; i < workers; i++) {
            executor.execute(() -> {
                try {
                    for (Long itemId = pending.poll(); itemId != null; itemId = pending.poll()) {
                        process(itemId, admin);
                    }
                } finally {
                    if (running.decrementAndGet() == 0) {
                        ledger.finish(runId);
                    }
                }
            });
        }
    }

    private void process(long itemId, String admin) {
        long crmUserId = ledger.userOf(itemId);
        ResetAttempt attempt;
        try {
            attempt = resets.send(crmUserId, admin);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Bulk item " + itemId + " failed unexpectedly", e);
            attempt = new ResetAttempt.Failed(null, ResetFailure.KEYCLOAK_ERROR, null);
        }
        ledger.recordOutcome(itemId, attempt);
    }

    /** After a restart: runs that were cut short carry on with the users they had not reached. */
    public void resumeUnfinished() {
        for (long runId : ledger.unfinishedRuns()) {
            LOG.info(() -> "Resuming bulk run " + runId);
            dispatch(runId);
        }
    }
}
