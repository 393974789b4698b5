package com.example.crm.application;

import com.example.crm.domain.model.reset.LockOut;
import com.example.crm.domain.model.reset.ResetFailure;
import com.example.crm.domain.model.reset.ResetKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Locks a possibly compromised account out and sends its reset link: first the link, and only once Keycloak has sent
 * it, the old password removed and then every session ended. A failure therefore never leaves the user locked out
 * without a link; when revoking fails after the link went out, the attempt records how far it got and the admin is
 * told to try again. The same checks, double-click window and hourly limit apply as to a plain link.
 */
@ApplicationScoped
public class AccountLockOut {

    private static final Logger LOG = Logger.getLogger(AccountLockOut.class.getName());

    @Inject
    ResetLedger ledger;

    @Inject
    KeycloakAccounts keycloak;

    @Inject
    PasswordResetService resets;

    @Inject
    ResetSettings settings;

    @Inject
    SignedInAdmin admins;

    public LockOutAttempt lockOut(long crmUserId) {
        String admin = admins.require();
        Duration lifespan = settings.lifespan();
        ResetLedger.Opening opening = ledger.open(crmUserId, admin, lifespan, ResetKind.LOCK_OUT);
        ResetAttempt link = resets.sendOpened(opening, crmUserId, admin, lifespan);
        if (!(link instanceof ResetAttempt.Sent)) {
            return LockOutAttempt.notSent(link); // a link that may not have gone out is no ground to lock anyone out
        }
        LockOutAttempt result = revoke(opening.keycloakId(), link);
        LOG.log(Level.INFO, "Lock-out {0} for CRM user {1} by {2}: {3}",
                new Object[] {opening.requestId(), crmUserId, admin, result.lockOut()});
        try {
            ledger.recordLockOut(opening.requestId(), result.lockOut(), result.failure());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Lock-out " + opening.requestId() + " ended " + result.lockOut() + " but could not be recorded", e);
        }
        return result;
    }

    /** The password first: once it is gone nobody can sign in anew, and ending the sessions then leaves none. */
    private LockOutAttempt revoke(String keycloakId, ResetAttempt link) {
        LockOutAttempt stopped = step(() -> keycloak.removePassword(keycloakId), link, LockOut.PASSWORD_STILL_WORKS);
        if (stopped != null) {
            return stopped;
        }
        stopped = step(() -> keycloak.endSessions(keycloakId), link, LockOut.SESSIONS_STILL_OPEN);
        return stopped != null ? stopped : new LockOutAttempt(link, LockOut.DONE, null, null);
    }

    /** Runs one step; null when it worked, else where the lock-out stopped and why. */
    private static LockOutAttempt step(Runnable call, ResetAttempt link, LockOut ifItFails) {
        try {
            call.run();
            return null;
        } catch (KeycloakCallException e) {
            LOG.log(Level.WARNING, "Lock-out stopped short ({0}): {1}", new Object[] {ifItFails, e.getMessage()});
            return new LockOutAttempt(link, ifItFails, e.failure(), e.keycloakMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Lock-out stopped short (" + ifItFails + ") unexpectedly", e);
            return new LockOutAttempt(link, ifItFails, ResetFailure.KEYCLOAK_ERROR, null);
        }
    }
}
