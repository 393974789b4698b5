package com.example.crm.domain.model.reset;

import java.time.Instant;

/** The reports from Keycloak that the CRM has applied. */
public interface ReceivedReports {

    /** Records the report; false when one with its id was already received. */
    boolean add(ReceivedReport report);

    /** Forgets up to {@code max} reports received before {@code cutoff}, oldest first; how many it forgot. */
    int removeReceivedBefore(Instant cutoff, int max);
}
