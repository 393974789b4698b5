package com.example.crm.domain.model.bulk;

/** What became of one user in a bulk run. */
public enum BulkOutcome {
    /** Not handled yet. */
    PENDING,
    /** The reset link was emailed. */
    SENT,
    /** Not sent on purpose: the user cannot get a link now (see the reason). */
    SKIPPED,
    /** Sending was tried and failed (see the reason). */
    FAILED
}
