package com.example.crm.application;

import com.example.crm.domain.model.bulk.BulkOutcome;
import com.example.crm.domain.model.bulk.BulkRun;
import com.example.crm.domain.model.bulk.BulkRunItem;
import com.example.crm.domain.model.bulk.BulkRuns;
import com.example.crm.domain.model.bulk.SkipReason;
import com.example.crm.domain.model.reset.ResetFailure;
import com.example.crm.domain.model.reset.ResetRequest;
import com.example.crm.domain.model.reset.ResetRequests;
import com.example.crm.domain.model.user.CrmUser;
import com.example.crm.domain.model.user.CrmUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The database side of bulk runs, as {@link ResetLedger} is for one reset: each method is its own short
 * transaction, so that none stays open while a worker waits on Keycloak.
 */
@ApplicationScoped
public class BulkLedger {

    private static final Logger LOG = Logger.getLogger(BulkLedger.class.getName());

    @Inject
    BulkRuns runs;

    @Inject
    CrmUsers users;

    @Inject
    ResetRequests requests;

    @Inject
    ResetSettings settings;

    @Inject
    Clock clock;

    /** Stores the run and one pending item per user found; returns the run's id. */
    @Transactional
    public long record(String admin, Set<Long> crmUserIds) {
        List<CrmUser> found = crmUserIds.stream().flatMap(id -> users.find(id).stream()).toList();
        BulkRun.Started started = BulkRun.start(admin, clock.instant(), found);
        BulkRun run = started.run();
        runs.add(run, started.items());
        LOG.info(() -> "Bulk run " + run.getId() + " by " + admin + " for " + found.size() + " users");
        return run.getId();
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

    /** The items of runs still going, by outcome: pending ones that stay are a stuck run. */
    @Transactional
    public Map<BulkOutcome, Long> itemsOfUnfinishedRuns() {
        return runs.countUnfinishedByOutcome();
    }

    /** The item's user, and what an earlier pass of the run already did for them ({@link #earlierAttempt(long)}). */
    public record ItemToSend(long crmUserId, Optional<ResetAttempt> earlierAttempt) {
    }

    /**
     * What a worker needs before it sends to an item's user, read in one transaction: the user, and any earlier
     * attempt of this run for them (then it is not sent again).
     */
    @Transactional
    public ItemToSend itemToSend(long itemId) {
        BulkRunItem item = runs.findItem(itemId).orElseThrow();
        return new ItemToSend(item.getUser().getId(), earlierAttempt(item));
    }

    /**
     * What an earlier pass of this run already did for the item's user, when the run was cut short after sending
     * and before recording it (a stop, a database error): the user's attempt made by the run's admin since it
     * started. Taken instead of sending again, so that a resumed run never emails anyone twice.
     */
    @Transactional
    public Optional<ResetAttempt> earlierAttempt(long itemId) {
        return earlierAttempt(runs.findItem(itemId).orElseThrow());
    }

    private Optional<ResetAttempt> earlierAttempt(BulkRunItem item) {
        BulkRun run = item.getRun();
        return requests.requestedSince(item.getUser().getId(), run.getStartedAt()).stream()
                .filter(request -> request.getRequestedBy().equals(run.getStartedBy()))
                .max(Comparator.comparing(ResetRequest::getRequestedAt))
                .map(this::asAttempt);
    }

    private ResetAttempt asAttempt(ResetRequest request) {
        String name = request.getUser().getFullName();
        return switch (request.getStatus()) {
            case SENT, COMPLETED, EXPIRED, SUPERSEDED -> new ResetAttempt.Sent(name, request.getExpiresAt());
            case RATE_LIMITED -> new ResetAttempt.RateLimited(name, settings.maxLinksPerHour(),
                    request.getRequestedAt().plus(ResetSettings.LIMIT_WINDOW));
            case FAILED -> request.getFailure().foundByCrm()
                    ? new ResetAttempt.Refused(name, request.getFailure())
                    : new ResetAttempt.Failed(name, request.getFailure(), request.getKeycloakError());
            // Cut short during the call to Keycloak: whether the email went out is not known, so it is not sent again.
            case REQUESTED -> new ResetAttempt.Failed(name, ResetFailure.KEYCLOAK_TIMEOUT, null);
        };
    }

    /** The item's outcome, from what came of sending to its user. */
    @Transactional
    public void recordOutcome(long itemId, ResetAttempt attempt) {
        BulkRunItem item = runs.findItem(itemId).orElseThrow();
        var now = clock.instant();
        if (attempt instanceof ResetAttempt.Sent) {
            item.sent(now);
        } else if (attempt instanceof ResetAttempt.Refused refused) {
            item.skipped(SkipReason.NOT_ELIGIBLE, refused.failure(), now);
        } else if (attempt instanceof ResetAttempt.Failed failed) {
            item.failed(failed.failure(), failed.detail(), now);
        } else if (attempt instanceof ResetAttempt.RateLimited) {
            item.skipped(SkipReason.RATE_LIMITED, null, now);
        } else if (attempt instanceof ResetAttempt.AlreadyRequested) {
            item.skipped(SkipReason.ALREADY_REQUESTED, null, now);
        }
    }

    /** Marks the run finished once no item is pending. */
    @Transactional
    public void finish(long runId) {
        if (runs.pendingItemIds(runId).isEmpty()) {
            runs.find(runId).orElseThrow().finish(clock.instant());
            LOG.info(() -> "Bulk run " + runId + " finished: " + runs.countByOutcome(runId));
        }
    }
}
