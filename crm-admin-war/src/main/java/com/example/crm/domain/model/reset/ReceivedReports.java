package com.example.crm.domain.model.reset;

/** The reports from Keycloak that the CRM has applied. */
public interface ReceivedReports {

    /** Records the report; false when one with its id was already received. */
    boolean add(ReceivedReport report);
}
