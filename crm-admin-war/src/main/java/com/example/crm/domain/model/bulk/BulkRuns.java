package com.example.crm.domain.model.bulk;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Bulk runs and their items. */
public interface BulkRuns {

    void add(BulkRun run, List<BulkRunItem> items);

    Optional<BulkRun> find(long runId);

    Optional<BulkRunItem> findItem(long itemId);

    /** The run's items in the order they were given, users fetched. */
    List<BulkRunItem> items(long runId);

    List<Long> pendingItemIds(long runId);

    /** How many of the run's items have each outcome (outcomes with none are absent). */
    Map<BulkOutcome, Long> countByOutcome(long runId);

    List<BulkRun> unfinished();

    /** How many items of runs not yet finished have each outcome (outcomes with none are absent). */
    Map<BulkOutcome, Long> countUnfinishedByOutcome();
}
