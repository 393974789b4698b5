package com.example.crm.application;

import com.example.crm.domain.model.reset.LinkReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The identity provider that owns the users' passwords (Keycloak). */
public interface IdentityProvider {

    /**
     * Asks the identity provider to email the user a link to set a new password.
     * Returns once the email has been handed to the mail server.
     *
     * @throws IdentityProviderException when no email was sent, or when it cannot be known whether one was
     */
    void sendPasswordReset(String identityUserId, Duration lifespan);

    /**
     * What the identity provider's stored events say happened to the user's reset links since {@code since}:
     * passwords set and links found expired. Used to recover reports the CRM missed while it was down.
     *
     * @throws IdentityProviderException when the events cannot be read
     */
    List<LinkReport> linkEventsSince(String identityUserId, Instant since);

    /**
     * The email address the identity provider sends reset links to (empty when it has none).
     *
     * @throws IdentityProviderException when it cannot be read
     */
    Optional<String> emailOf(String identityUserId);

    /**
     * Changes the user's email address at the identity provider.
     *
     * @throws IdentityProviderException when it was not changed, with the provider's words (e.g. the address is taken)
     */
    void changeEmail(String identityUserId, String email);
}
