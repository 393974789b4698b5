package com.example.crm.infrastructure.metrics;

import com.example.crm.domain.model.bulk.BulkOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Bulk items by outcome, read at most once per {@link #KEPT}: one scrape reads a gauge per outcome, and that should be
 * one query, not four. While the database does not answer, the gauges read NaN ("unknown") instead of breaking the
 * whole {@code /metrics} page, and it is asked again after {@link #KEPT}.
 */
final class RecentCounts {

    static final Duration KEPT = Duration.ofSeconds(5);

    private final Supplier<Map<BulkOutcome, Long>> source;
    private final Clock clock;
    /** Null while unknown (the database did not answer the last time). */
    private Map<BulkOutcome, Long> counts;
    private Instant readAt;

    RecentCounts(Supplier<Map<BulkOutcome, Long>> source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    synchronized double of(BulkOutcome outcome) {
        Instant now = clock.instant();
        if (readAt == null || !now.isBefore(readAt.plus(KEPT))) {
            readAt = now;
            try {
                counts = source.get();
            } catch (RuntimeException unavailable) {
                counts = null;
            }
        }
        return counts == null ? Double.NaN : counts.getOrDefault(outcome, 0L);
    }
}
