package com.example.crm.application;

import com.example.crm.domain.model.bulk.BulkRun;
import com.example.crm.domain.model.bulk.BulkRunItem;
import com.example.crm.domain.model.bulk.BulkRuns;
import com.example.crm.domain.model.bulk.SkipReason;
import com.example.crm.domain.model.reset.ResetFailure;
import com.example.crm.domain.model.user.CrmUser;
import com.example.crm.domain.model.user.CrmUsers;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.EnumSet;
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
    private static final Set<ResetFailure> NOT_ELIGIBLE = EnumSet.of(ResetFailure.NOT_LINKED, ResetFailure.NO_EMAIL, ResetFailure.INACTIVE);

    @Inject
    PasswordResetService resets;

    @Inject
    BulkRuns runs;

    @Inject
    CrmUsers users;

    @Inject
    Clock clock;

    @Inject
    BulkResets self; // through the proxy, so each step gets its own transaction (such steps are public: Weld skips others)

    @Resource
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "crm.bulk.concurrency", defaultValue = "4")
    int concurrency;

    /** Starts a run for these users (duplicates and unknown ids dropped) as the signed-in admin; returns its id. */
    public long start(List<Long> crmUserIds) {
        String admin = resets.signedInAdmin();
        Set<Long> unique = new LinkedHashSet<>(crmUserIds);
        if (unique.isEmpty() || unique.size() > MAX_USERS) {
            throw new IllegalArgumentException("A bulk run covers 1 to " + MAX_USERS + " users, not " + unique.size());
        }
        long runId = self.record(admin, unique);
        dispatch(runId);
        return runId;
    }

    @Transactional
    public long record(String admin, Set<Long> crmUserIds) {
        List<CrmUser> found = crmUserIds.stream().flatMap(id -> users.find(id).stream()).toList();
        BulkRun.Started started = BulkRun.start(admin, clock.instant(), found);
        BulkRun run = started.run();
        runs.add(run, started.items());
        LOG.info(() -> "Bulk run " + run.getId() + " by " + admin + " for " + found.size() + " users");
        return run.getId();
    }

    /** Works through the run's pending items with at most {@code concurrency} workers. */
    void dispatch(long runId) {
        Queue<Long> pending = new ConcurrentLinkedQueue<>(self.pendingItems(runId));
        String admin = self.startedBy(runId);
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
                        self.finish(runId);
                    }
                }
            });
        }
    }

    private void process(long itemId, String admin) {
        long crmUserId = self.userOf(itemId);
        ResetAttempt attempt;
        try {
            attempt = resets.send(crmUserId, admin);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Bulk item " + itemId + " failed unexpectedly", e);
            attempt = new ResetAttempt.Failed(null, ResetFailure.KEYCLOAK_ERROR, null);
        }
        self.recordOutcome(itemId, attempt);
    }

    @Transactional
    public List<Long> pendingItems(long runId) {
        return runs.pendingItemIds(runId);
    }

    @Transactional
    public String startedBy(long runId) {
        return runs.find(runId).orElseThrow().getStartedBy();
    }

    @Transactional
    public List<Long> unfinishedRuns() {
        return runs.unfinished().stream().map(BulkRun::getId).toList();
    }

    @Transactional
    public long userOf(long itemId) {
        return runs.findItem(itemId).orElseThrow().getUser().getId();
    }

    @Transactional
    public void recordOutcome(long itemId, ResetAttempt attempt) {
        BulkRunItem item = runs.findItem(itemId).orElseThrow();
        var now = clock.instant();
        if (attempt instanceof ResetAttempt.Sent) {
            item.sent(now);
        } else if (attempt instanceof ResetAttempt.Failed failed) {
            if (NOT_ELIGIBLE.contains(failed.failure())) {
                item.skipped(SkipReason.NOT_ELIGIBLE, failed.failure(), now);
            } else {
                item.failed(failed.failure(), failed.detail(), now);
            }
        } else if (attempt instanceof ResetAttempt.RateLimited) {
            item.skipped(SkipReason.RATE_LIMITED, null, now);
        } else if (attempt instanceof ResetAttempt.AlreadyRequested) {
            item.skipped(SkipReason.ALREADY_REQUESTED, null, now);
        }
    }

    @Transactional
    public void finish(long runId) {
        if (runs.pendingItemIds(runId).isEmpty()) {
            runs.find(runId).orElseThrow().finish(clock.instant());
            LOG.info(() -> "Bulk run " + runId + " finished: " + runs.countByOutcome(runId));
        }
    }

    /** After a restart: runs that were cut short carry on with the users they had not reached. */
    public void resumeUnfinished() {
        for (long runId : self.unfinishedRuns()) {
            LOG.info(() -> "Resuming bulk run " + runId);
            dispatch(runId);
        }
    }
}
