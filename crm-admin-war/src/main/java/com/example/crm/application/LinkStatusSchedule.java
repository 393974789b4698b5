package com.example.crm.application;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

/** Background upkeep of link statuses: expiry as time passes, and recovery of missed reports. */
@Singleton
public class LinkStatusSchedule {

    /** Users reconciled per run; the rest wait for the next run or for their profile to be opened. */
    static final int RECONCILE_BATCH = 200;

    @Inject
    LinkExpiry expiry;

    @Inject
    LinkReconciliation reconciliation;

    @Schedule(hour = "*", minute = "*", second = "0", persistent = false)
    void expireRunOutLinks() {
        expiry.expireRunOut();
    }

    @Schedule(hour = "*", minute = "*/5", persistent = false)
    void recoverMissedReports() {
        reconciliation.reconcileOpenLinks(RECONCILE_BATCH);
    }
}
