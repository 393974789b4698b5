package com.example.crm.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Bulk runs that stopped short carry on: at start-up (after the database is migrated) those a stop cut short, and
 * every minute those left with items that could not be recorded. No transaction of its own: each step takes one.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BulkRunRecovery {

    private static final Logger LOG = Logger.getLogger(BulkRunRecovery.class.getName());

    @Inject
    BulkResets bulkResets;

    @Inject
    ScheduledJobs jobs;

    @PostConstruct
    void resumeAtStartUp() {
        bulkResets.resumeUnfinished();
    }

    /** Every 20 s: a run whose instance died (its claim not renewed for {@link BulkResets#CLAIM}) goes on here. */
    @Schedule(hour = "*", minute = "*", second = "*/20", persistent = false)
    public void resumeStalled() {
        jobs.runTurn(LOG, "Resuming stalled bulk runs", Duration.ofSeconds(20), bulkResets::resumeUnfinished);
    }
}
