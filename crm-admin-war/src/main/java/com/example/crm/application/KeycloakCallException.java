package com.example.crm.application;

import com.example.crm.domain.model.reset.ResetFailure;

/**
 * A call to Keycloak did not do what was asked, or it cannot be known whether it did: why, and Keycloak's own words
 * when it gave any.
 */
public class KeycloakCallException extends RuntimeException {

    private final ResetFailure failure;
    private final String keycloakMessage;

    public KeycloakCallException(ResetFailure failure, String keycloakMessage, Throwable cause) {
        super(failure + (keycloakMessage == null ? "" : ": " + keycloakMessage), cause);
        this.failure = failure;
        this.keycloakMessage = keycloakMessage;
    }

    public ResetFailure failure() {
        return failure;
    }

    /** Keycloak's message (never contains a reset link), or null. */
    public String keycloakMessage() {
        return keycloakMessage;
    }
}
