package com.example.crm.application;

import com.example.crm.domain.model.reset.ResetFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Sends a user a password reset link through Keycloak, and records every attempt. */
@ApplicationScoped
public class PasswordResetService {

    private static final Logger LOG = Logger.getLogger(PasswordResetService.class.getName());

    @Inject
    ResetLedger ledger;

    @Inject
    KeycloakAccounts keycloak;

    @Inject
    ResetSettings settings;

    @Inject
    SignedInAdmin admins;

    @Inject
    Event<ResetAttempt> outcomes;

    public ResetAttempt sendResetLink(long crmUserId) {
        return send(crmUserId, admins.require());
    }

    /**
     * Sends on behalf of {@code admin}, whose role was checked by the caller (a bulk run checks it when it starts), and
     * announces the outcome (for the metrics).
     */
    ResetAttempt send(long crmUserId, String admin) {
        Duration lifespan = settings.lifespan();
        return sendOpened(ledger.open(crmUserId, admin, lifespan), crmUserId, admin, lifespan);
    }

    /** Sends the link of a request just opened (a plain one or a lock-out's) and announces the outcome. */
    ResetAttempt sendOpened(ResetLedger.Opening opening, long crmUserId, String admin, Duration lifespan) {
        ResetAttempt attempt = attempt(opening, crmUserId, admin, lifespan);
        outcomes.fire(attempt);
        return attempt;
    }

    private ResetAttempt attempt(ResetLedger.Opening opening, long crmUserId, String admin, Duration lifespan) {
        if (!opening.callsKeycloakAccounts()) {
            return opening.attempt();
        }
        try {
            keycloak.sendPasswordReset(opening.keycloakId(), lifespan);
        } catch (KeycloakCallException e) {
            LOG.log(Level.WARNING, "Reset request {0} for CRM user {1} failed: {2}",
                    new Object[] {opening.requestId(), crmUserId, e.getMessage()});
            return ledger.markFailed(opening.requestId(), e.failure(), e.keycloakMessage());
        } catch (RuntimeException e) {
            // Never leave a request REQUESTED, and never report success, when something unforeseen broke.
            LOG.log(Level.SEVERE, "Reset request " + opening.requestId() + " failed unexpectedly", e);
            return ledger.markFailed(opening.requestId(), ResetFailure.KEYCLOAK_ERROR, null);
        }
        LOG.log(Level.INFO, "Reset request {0} for CRM user {1} sent by {2}",
                new Object[] {opening.requestId(), crmUserId, admin});
        try {
            return ledger.markSent(opening.requestId());
        } catch (RuntimeException e) {
            // The email went out: say so. The request stays REQUESTED until Keycloak's LINK_SENT report or stored
            // admin event confirms it (LinkReportRules, LinkReconciliation).
            LOG.log(Level.SEVERE, "Reset request " + opening.requestId() + " was sent but could not be recorded", e);
            return new ResetAttempt.Sent(opening.userName(), Instant.now().plus(lifespan));
        }
    }
}
