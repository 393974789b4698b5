package com.example.crm.application;

import com.example.crm.domain.model.reset.ResetFailure;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends reset links to many users: the run and every user's outcome are stored first, then a few workers
 * (never more than the configured concurrency, across all runs together) call Keycloak one user at a time, off
 * the admin's request.
 * A worker never dies of one user's trouble: database steps are retried, and a run whose items could not all be
 * recorded is picked up again later, without emailing anyone twice ({@link BulkLedger#earlierAttempt}).
 */
@ApplicationScoped
public class BulkResets {

    /** The most users one run may cover. */
    public static final int MAX_USERS = 1000;
    private static final Logger LOG = Logger.getLogger(BulkResets.class.getName());
    /** Waits between tries of a database step: a database that blinks does not cost a user their outcome. */
    private static final List<Duration> RETRY_WAITS = List.of(Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(4));

    /**
     * How long a run stays with the instance working through it without a word from it: when that instance dies,
     * another takes the run over after this (its check runs every 20 s, so within a minute).
     */
    public static final Duration CLAIM = Duration.ofSeconds(30);
    private static final Duration RENEW_AFTER = Duration.ofSeconds(10);

    /** Runs that workers of this server are working through now, with when this server last renewed its claim. */
    private final Map<Long, Instant> dispatching = new ConcurrentHashMap<>();
    /** Sends to Keycloak in progress across all runs: two runs at once never double the load on Keycloak. */
    private Semaphore keycloakSlots;

    @Inject
    PasswordResetService resets;

    @Inject
    BulkLedger ledger;

    @Inject
    SignedInAdmin admins;

    @Inject
    BackgroundWork background;

    @Inject
    WorkLeases leases;

    @Inject
    ThisInstance instance;

    @Inject
    Clock clock;

    /**
     * The most a bulk run sends at once, unless {@code crm.bulk.concurrency} says otherwise: the highest level of the
     * measured curve at which an admin's single click during a run stayed within 1.5 × its idle time
     * (docs/PERFORMANCE.md §2).
     */
    static final String DEFAULT_CONCURRENCY = "8";

    @Inject
    @ConfigProperty(name = "crm.bulk.concurrency", defaultValue = DEFAULT_CONCURRENCY)
    int concurrency;

    @PostConstruct
    void boundKeycloakCalls() {
        keycloakSlots = new Semaphore(concurrency);
    }

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

    /**
     * Works through the run's pending items with at most {@code concurrency} workers, unless that happens already
     * here or on another CRM instance that holds the run. True when workers started here.
     */
    boolean dispatch(long runId) {
        if (dispatching.putIfAbsent(runId, clock.instant()) != null) {
            return false;
        }
        try {
            if (!retried(() -> leases.claim(lease(runId), instance.name(), CLAIM))) {
                dispatching.remove(runId);
                return false;
            }
            Queue<Long> pending = new ConcurrentLinkedQueue<>(retried(() -> ledger.pendingItems(runId)));
            String admin = retried(() -> ledger.startedBy(runId));
            int workers = Math.max(1, Math.min(concurrency, pending.size()));
            AtomicInteger running = new AtomicInteger(workers);
            for (int i = 0; i < workers; i++) {
                background.run(() -> work(runId, pending, admin, running));
            }
            return true;
        } catch (RuntimeException e) {
            dispatching.remove(runId);
            throw e;
        }
    }

    private void work(long runId, Queue<Long> pending, String admin, AtomicInteger running) {
        try {
            for (Long itemId = pending.poll(); itemId != null && stillHeld(runId); itemId = pending.poll()) {
                try {
                    process(itemId, admin);
                } catch (RuntimeException e) { // stays pending: picked up again with the run, never sent twice
                    LOG.log(Level.SEVERE, "Bulk item " + itemId + " could not be recorded; the run will take it up again", e);
                }
            }
        } finally {
            if (running.decrementAndGet() == 0) {
                try {
                    retried(() -> {
                        ledger.finish(runId);
                        return null;
                    });
                    leases.release(lease(runId), instance.name());
                } finally {
                    dispatching.remove(runId);
                }
            }
        }
    }

    /**
     * Renews this instance's claim on the run now and then. False when another instance has taken the run over (this
     * one was silent past the claim's term), and the workers here stop; a failed renewal (the database blinking) lets
     * them go on, since the claim still runs for a while.
     */
    private boolean stillHeld(long runId) {
        Instant now = clock.instant();
        Instant renewed = dispatching.get(runId);
        if (renewed != null && renewed.plus(RENEW_AFTER).isAfter(now)) {
            return true;
        }
        try {
            if (!leases.claim(lease(runId), instance.name(), CLAIM)) {
                LOG.warning(() -> "Bulk run " + runId + " was taken over by another CRM instance; workers here stop");
                return false;
            }
            dispatching.put(runId, now);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not renew the claim on bulk run {0}: {1}", new Object[] {runId, e.toString()});
        }
        return true;
    }

    private static String lease(long runId) {
        return "bulk-run:" + runId;
    }

    private void process(long itemId, String admin) {
        // Before Keycloak is asked, a step the database fails (after its retries) leaves the item pending: the work
        // loop says so, and the run takes the item up again.
        BulkLedger.ItemToSend item = retried(() -> ledger.itemToSend(itemId));
        ResetAttempt outcome = item.earlierAttempt().orElseGet(() -> send(itemId, item.crmUserId(), admin));
        retried(() -> {
            ledger.recordOutcome(itemId, outcome);
            return null;
        });
    }

    /**
     * A send that failed on the database is tried again: it failed before Keycloak was asked (a failure after that is
     * recorded by the send itself), and a request it did record makes the retry a duplicate.
     */
    private ResetAttempt send(long itemId, long crmUserId, String admin) {
        try {
            return retried(() -> sendWithinBound(crmUserId, admin));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Bulk item " + itemId + " failed unexpectedly", e);
            // What the user's request row says is the truth (the email may have gone out before the failure).
            return retried(() -> ledger.earlierAttempt(itemId))
                    .orElse(new ResetAttempt.Failed(null, ResetFailure.CRM_ERROR, null));
        }
    }

    private ResetAttempt sendWithinBound(long crmUserId, String admin) {
        keycloakSlots.acquireUninterruptibly();
        try {
            return resets.send(crmUserId, admin);
        } finally {
            keycloakSlots.release();
        }
    }

    /** A database step, tried again after a short wait while it fails; the last failure is thrown. */
    private static <T> T retried(Supplier<T> step) {
        for (Duration wait : RETRY_WAITS) {
            try {
                return step.get();
            } catch (RuntimeException e) {
                // No apostrophe in the pattern: MessageFormat would take it as a quote and print {0} as it stands.
                LOG.log(Level.WARNING, "A bulk run database step failed; trying again in {0} ms: {1}",
                        new Object[] {wait.toMillis(), e.toString()});
                sleep(wait);
            }
        }
        return step.get();
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }

    /**
     * Runs that are not finished and that no worker of this server or of another live instance works through (cut
     * short by a stop or by their instance's death, or items that could not be recorded) carry on with the users they
     * had not reached.
     */
    public void resumeUnfinished() {
        for (long runId : ledger.unfinishedRuns()) {
            if (!dispatching.containsKey(runId) && dispatch(runId)) {
                LOG.info(() -> "Resumed bulk run " + runId);
            }
        }
    }
}
