package com.example.crm.application;

import com.example.crm.domain.model.reset.ReceivedReports;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;

/**
 * How long the CRM remembers a report it received (to apply each once): {@link #KEPT_FOR}, far beyond the report's
 * ±5 minute window and the reporter's retries (minutes), so a repeat is still known; older ones are forgotten in
 * batches, each its own short transaction.
 */
@ApplicationScoped
public class ReceivedReportsRetention {

    public static final Duration KEPT_FOR = Duration.ofDays(30);
    /** Reports forgotten in one transaction. */
    static final int BATCH = 500;
    /** Batches in one run, so a long backlog is worked off over several runs rather than in one long one. */
    static final int MAX_BATCHES = 20;

    @Inject
    ReceivedReports received;

    @Inject
    Clock clock;

    /** Forgets up to {@link #BATCH} of the oldest reports received more than {@link #KEPT_FOR} ago; how many. */
    @Transactional
    public int pruneBatch() {
        return received.removeReceivedBefore(clock.instant().minus(KEPT_FOR), BATCH);
    }
}
