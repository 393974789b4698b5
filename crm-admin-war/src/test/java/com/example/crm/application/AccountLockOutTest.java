package com.example.crm.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.crm.domain.model.reset.LinkReport;
import com.example.crm.domain.model.reset.LockOut;
import com.example.crm.domain.model.reset.ResetFailure;
import com.example.crm.domain.model.reset.ResetKind;
import com.example.crm.testsupport.RecordingEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The lock-out's order of steps, and what each failure leaves behind. */
class AccountLockOutTest {

    private final List<String> steps = new ArrayList<>();
    private final FakeKeycloak keycloak = new FakeKeycloak();
    private final FakeLedger ledger = new FakeLedger();
    private final AccountLockOut lockOut = new AccountLockOut();

    AccountLockOutTest() {
        lockOut.ledger = ledger;
        lockOut.keycloak = keycloak;
        lockOut.settings = new ResetSettings();
        lockOut.settings.lifespanSeconds = 3600;
        lockOut.admins = new SignedInAdmin() {
            @Override
            public String require() {
                return "admin";
            }
        };
        lockOut.resets = new PasswordResetService();
        lockOut.resets.ledger = ledger;
        lockOut.resets.keycloak = keycloak;
        lockOut.resets.outcomes = new RecordingEvent<>(new ArrayList<>()); // the outcomes (for the metrics), not looked at here
    }

    @Test
    void sendsTheLinkThenRemovesThePasswordThenEndsTheSessions() {
        LockOutAttempt attempt = lockOut.lockOut(7);

        assertEquals(List.of("open LOCK_OUT", "send kc-7", "sent", "password kc-7", "sessions kc-7", "record DONE null"), steps);
        assertEquals(LockOut.DONE, attempt.lockOut());
        assertInstanceOf(ResetAttempt.Sent.class, attempt.link());
    }

    @Test
    void revokesNothingWhenTheLinkWasNotSent() {
        keycloak.failing.add("send");

        LockOutAttempt attempt = lockOut.lockOut(7);

        assertEquals(List.of("open LOCK_OUT", "send kc-7", "failed MAIL_SERVER_FAILED"), steps);
        assertNull(attempt.lockOut());
        assertInstanceOf(ResetAttempt.Failed.class, attempt.link());
    }

    @Test
    void revokesNothingWhenTheCrmTurnsTheAttemptAway() {
        ledger.refusal = new ResetAttempt.RateLimited("Kim", 5, Instant.now());

        LockOutAttempt attempt = lockOut.lockOut(7);

        assertEquals(List.of("open LOCK_OUT"), steps);
        assertNull(attempt.lockOut());
    }

    @Test
    void leavesTheSessionsAloneWhenThePasswordCouldNotBeRemoved() {
        keycloak.failing.add("password");

        LockOutAttempt attempt = lockOut.lockOut(7);

        assertEquals(List.of("open LOCK_OUT", "send kc-7", "sent", "password kc-7",
                "record PASSWORD_STILL_WORKS KEYCLOAK_UNREACHABLE"), steps);
        assertEquals(LockOut.PASSWORD_STILL_WORKS, attempt.lockOut());
        assertEquals(ResetFailure.KEYCLOAK_UNREACHABLE, attempt.failure());
    }

    @Test
    void saysTheSessionsStayOpenWhenEndingThemFailed() {
        keycloak.failing.add("sessions");

        LockOutAttempt attempt = lockOut.lockOut(7);

        assertEquals(List.of("open LOCK_OUT", "send kc-7", "sent", "password kc-7", "sessions kc-7",
                "record SESSIONS_STILL_OPEN KEYCLOAK_UNREACHABLE"), steps);
        assertEquals(LockOut.SESSIONS_STILL_OPEN, attempt.lockOut());
    }

    @Test
    void refusesAnyoneWithoutTheAdminRole() {
        lockOut.admins = new SignedInAdmin() {
            @Override
            public String require() {
                throw new SecurityException("no");
            }
        };

        assertThrows(SecurityException.class, () -> lockOut.lockOut(7));
        assertEquals(List.of(), steps);
    }

    private final class FakeLedger extends ResetLedger {
        ResetAttempt refusal;

        @Override
        public Opening open(long crmUserId, String admin, Duration lifespan, ResetKind kind) {
            steps.add("open " + kind);
            return refusal != null ? new Opening(null, null, "Kim", refusal) : new Opening(1L, "kc-" + crmUserId, "Kim", null);
        }

        @Override
        public ResetAttempt markSent(long requestId) {
            steps.add("sent");
            return new ResetAttempt.Sent("Kim", Instant.now());
        }

        @Override
        public ResetAttempt markFailed(long requestId, ResetFailure failure, String keycloakMessage) {
            steps.add("failed " + failure);
            return new ResetAttempt.Failed("Kim", failure, keycloakMessage);
        }

        @Override
        public void recordLockOut(long requestId, LockOut outcome, ResetFailure failure) {
            steps.add("record " + outcome + " " + failure);
        }
    }

    private final class FakeKeycloak implements KeycloakAccounts {
        final Set<String> failing = new HashSet<>();

        private void call(String step, String keycloakId, ResetFailure failure) {
            steps.add(step + " " + keycloakId);
            if (failing.contains(step)) {
                throw new KeycloakCallException(failure, null, null);
            }
        }

        @Override
        public void sendPasswordReset(String keycloakId, Duration lifespan) {
            call("send", keycloakId, ResetFailure.MAIL_SERVER_FAILED);
        }

        @Override
        public void removePassword(String keycloakId) {
            call("password", keycloakId, ResetFailure.KEYCLOAK_UNREACHABLE);
        }

        @Override
        public void endSessions(String keycloakId) {
            call("sessions", keycloakId, ResetFailure.KEYCLOAK_UNREACHABLE);
        }

        @Override
        public List<LinkReport> linkEventsSince(String keycloakId, Instant since) {
            return List.of();
        }

        @Override
        public List<LinkReport> linkEventsOfAllUsersSince(Instant since) {
            return List.of();
        }

        @Override
        public Optional<String> emailOf(String keycloakId) {
            return Optional.empty();
        }

        @Override
        public void changeEmail(String keycloakId, String email) {
        }
    }
}
