package com.example.crm.application;

import com.example.crm.domain.model.reset.LinkReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The port to the users' Keycloak accounts, which hold their passwords. It names Keycloak, as the rest of the CRM
 * does (stored failure codes, the admins' messages, the Keycloak user id on each CRM user): the product is built for
 * Keycloak, and a neutral name would only hide that. It stays an interface, so that tests and fault handling have
 * one seam; {@code infrastructure.keycloak} implements it with Keycloak's admin API.
 */
public interface KeycloakAccounts {

    /**
     * Asks Keycloak to email the user a link to set a new password.
     * Returns once the email has been handed to the mail server.
     *
     * @throws KeycloakCallException when no email was sent, or when it cannot be known whether one was
     */
    void sendPasswordReset(String keycloakId, Duration lifespan);

    /**
     * What Keycloak's stored events say happened to the user's reset links since {@code since}, oldest first:
     * links sent (admin events), passwords set, links found expired. Used to recover reports the CRM missed (it
     * was down, or stopped during a send), and to confirm sends the CRM could not record.
     *
     * @throws KeycloakCallException when the events cannot be read
     */
    List<LinkReport> linkEventsSince(String keycloakId, Instant since);

    /**
     * As {@link #linkEventsSince(String, Instant)}, for every user of the realm at once: the sweep over all open links
     * reads Keycloak's events in a few pages rather than twice per open link.
     *
     * @throws KeycloakCallException when the events cannot be read
     */
    List<LinkReport> linkEventsOfAllUsersSince(Instant since);

    /**
     * The email address Keycloak sends reset links to (empty when it has none).
     *
     * @throws KeycloakCallException when it cannot be read
     */
    Optional<String> emailOf(String keycloakId);

    /**
     * Changes the user's email address in Keycloak.
     *
     * @throws KeycloakCallException when it was not changed, with Keycloak's words (e.g. the address is taken)
     */
    void changeEmail(String keycloakId, String email);

    /**
     * Removes the user's password, so that it stops working at once; a reset link already sent still lets the user
     * set a new one. Nothing to remove is no error.
     *
     * @throws KeycloakCallException when it may still work
     */
    void removePassword(String keycloakId);

    /**
     * Signs the user out of every session, on every device; tokens issued before stop being accepted.
     *
     * @throws KeycloakCallException when sessions may still be open
     */
    void endSessions(String keycloakId);
}
