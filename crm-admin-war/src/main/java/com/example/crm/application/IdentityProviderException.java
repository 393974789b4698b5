package com.example.crm.application;

import com.example.crm.domain.model.reset.ResetFailure;

/** The identity provider did not send the email: why, and its own words when it gave any. */
public class IdentityProviderException extends RuntimeException {

    private final ResetFailure failure;
    private final String providerMessage;

    public IdentityProviderException(ResetFailure failure, String providerMessage, Throwable cause) {
        super(failure + (providerMessage == null ? "" : ": " + providerMessage), cause);
        this.failure = failure;
        this.providerMessage = providerMessage;
    }

    public ResetFailure failure() {
        return failure;
    }

    /** The identity provider's message (never contains a reset link), or null. */
    public String providerMessage() {
        return providerMessage;
    }
}
