package com.example.crm.domain.model.reset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.crm.domain.model.user.CrmUser;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ResetRequestTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private static final CrmUser USER = ResetEligibilityTest.user("ann@example.com", true, "kc-1");

    @Test
    void sentLinkExpiresOneLifespanAfterTheRequest() {
        ResetRequest request = ResetRequest.requested(USER, "admin", T0, Duration.ofHours(12));
        request.markSent(T0.plusSeconds(2));
        assertEquals(ResetStatus.SENT, request.getStatus());
        assertEquals(T0.plus(Duration.ofHours(12)), request.getExpiresAt());
    }

    @Test
    void failedRequestKeepsReasonAndKeycloaksWordsButNoExpiry() {
        ResetRequest request = ResetRequest.requested(USER, "admin", T0, Duration.ofHours(12));
        request.markFailed(ResetFailure.MAIL_SERVER_FAILED, "Failed to send execute actions email", T0.plusSeconds(10));
        assertEquals(ResetStatus.FAILED, request.getStatus());
        assertEquals(ResetFailure.MAIL_SERVER_FAILED, request.getFailure());
        assertEquals("Failed to send execute actions email", request.getKeycloakError());
        assertNull(request.getExpiresAt());
    }

    @Test
    void keepsAtMostAThousandCharactersOfKeycloaksMessage() {
        ResetRequest request = ResetRequest.requested(USER, "admin", T0, Duration.ofHours(1));
        request.markFailed(ResetFailure.KEYCLOAK_ERROR, "x".repeat(5000), T0);
        assertEquals(1000, request.getKeycloakError().length());
    }

    @Test
    void anOutcomeIsFinal() {
        ResetRequest request = ResetRequest.requested(USER, "admin", T0, Duration.ofHours(1));
        request.markSent(T0);
        assertThrows(IllegalStateException.class, () -> request.markFailed(ResetFailure.KEYCLOAK_ERROR, null, T0));
        assertThrows(IllegalStateException.class, () -> request.markSent(T0));
    }

    @Test
    void aClickSecondsAfterASentLinkIsTheSameRequest() {
        ResetRequest request = ResetRequest.requested(USER, "admin", T0, Duration.ofHours(1));
        request.markSent(T0);
        assertTrue(request.coversClickAt(T0.plusSeconds(3)));
        assertFalse(request.coversClickAt(T0.plus(ResetRequest.DUPLICATE_WINDOW)));
    }

    @Test
    void aClickWhileTheFirstIsInFlightIsTheSameRequestUntilItIsAbandoned() {
        ResetRequest request = ResetRequest.requested(USER, "admin", T0, Duration.ofHours(1));
        assertTrue(request.coversClickAt(T0.plusSeconds(30)));
        assertFalse(request.coversClickAt(T0.plus(ResetRequest.IN_FLIGHT_LIMIT)));
    }

    @Test
    void onlyASentLinkCanBeCompletedOrExpire() {
        ResetRequest sent = ResetRequest.requested(USER, "admin", T0, Duration.ofHours(1));
        sent.markSent(T0);
        sent.markCompleted(T0.plusSeconds(60));
        assertEquals(ResetStatus.COMPLETED, sent.getStatus());
        assertEquals(T0.plusSeconds(60), sent.getStatusChangedAt());
        assertThrows(IllegalStateException.class, () -> sent.markExpired(T0.plusSeconds(61)));

        ResetRequest refused = ResetRequest.refused(USER, "admin", T0, Duration.ofHours(1), ResetFailure.NO_EMAIL);
        assertThrows(IllegalStateException.class, () -> refused.markCompleted(T0));
        ResetRequest expiring = ResetRequest.requested(USER, "admin", T0, Duration.ofHours(1));
        expiring.markSent(T0);
        expiring.markExpired(T0.plusSeconds(7200));
        assertEquals(ResetStatus.EXPIRED, expiring.getStatus());
        assertFalse(expiring.coversClickAt(T0.plusSeconds(7201)), "an expired link never blocks a new one");
    }

    @Test
    void aFailedRequestNeverBlocksTheNextClick() {
        ResetRequest request = ResetRequest.refused(USER, "admin", T0, Duration.ofHours(1), ResetFailure.NO_EMAIL);
        assertFalse(request.coversClickAt(T0.plusMillis(100)));
    }
}
