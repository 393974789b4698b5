package com.example.crm.application;

import java.time.Duration;

/** The identity provider that owns the users' passwords (Keycloak). */
public interface IdentityProvider {

    /**
     * Asks the identity provider to email the user a link to set a new password.
     * Returns once the email has been handed to the mail server.
     *
     * @throws IdentityProviderException when no email was sent, or when it cannot be known whether one was
     */
    void sendPasswordReset(String identityUserId, Duration lifespan);
}
