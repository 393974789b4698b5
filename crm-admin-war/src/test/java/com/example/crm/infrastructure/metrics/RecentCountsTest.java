package com.example.crm.infrastructure.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.crm.domain.model.bulk.BulkOutcome;
import com.example.crm.testsupport.MovingClock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecentCountsTest {

    private final AtomicInteger queries = new AtomicInteger();
    private final MovingClock clock = new MovingClock(Instant.parse("2026-11-30T08:00:00Z"));
    private boolean databaseDown;

    private final RecentCounts counts = new RecentCounts(() -> {
        queries.incrementAndGet();
        if (databaseDown) {
            throw new IllegalStateException("database down");
        }
        return Map.of(BulkOutcome.PENDING, 7L, BulkOutcome.SENT, 3L);
    }, clock);

    @Test
    void oneScrapeOfEveryStateIsOneQuery() {
        assertEquals(7, counts.of(BulkOutcome.PENDING));
        assertEquals(3, counts.of(BulkOutcome.SENT));
        assertEquals(0, counts.of(BulkOutcome.FAILED));
        assertEquals(0, counts.of(BulkOutcome.SKIPPED));
        assertEquals(1, queries.get());
        clock.pass(RecentCounts.KEPT);
        counts.of(BulkOutcome.PENDING);
        assertEquals(2, queries.get());
    }

    @Test
    void readsUnknownWhileTheDatabaseDoesNotAnswerAndAsksAgainLater() {
        databaseDown = true;
        assertTrue(Double.isNaN(counts.of(BulkOutcome.PENDING)));
        assertTrue(Double.isNaN(counts.of(BulkOutcome.SENT)));
        assertEquals(1, queries.get());
        databaseDown = false;
        clock.pass(RecentCounts.KEPT);
        assertEquals(7, counts.of(BulkOutcome.PENDING));
    }
}
