package com.example.crm.application;

/** No CRM user has this id (deleted, or a hand-made URL). */
public class UnknownUserException extends RuntimeException {

    public UnknownUserException(long crmUserId) {
        super("No CRM user has id " + crmUserId);
    }
}
