package com.example.crm.infrastructure.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.crm.application.ResetAttempt;
import com.example.crm.domain.model.reset.ResetFailure;
import com.example.crm.domain.model.reset.ResetStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.metrics.Tag;
import org.junit.jupiter.api.Test;

class MetricTagsTest {

    private static final Instant AT = Instant.parse("2026-11-30T08:00:00Z");

    @Test
    void countsASentLinkWithoutTags() {
        assertEquals(Optional.of(List.of(MetricTags.RESETS_SENT)), named(new ResetAttempt.Sent("Liam Smith", AT)));
        assertEquals(0, MetricTags.of(new ResetAttempt.Sent("Liam Smith", AT)).orElseThrow().tags().length);
    }

    @Test
    void countsTheCrmsOwnRefusalsAndTheHourlyLimitByReason() {
        assertEquals(List.of(MetricTags.RESETS_REFUSED, "reason=no_email"),
                named(new ResetAttempt.Refused("Nadia Noemail", ResetFailure.NO_EMAIL)).orElseThrow());
        assertEquals(List.of(MetricTags.RESETS_REFUSED, "reason=rate_limited"),
                named(new ResetAttempt.RateLimited("Liam Smith", 5, AT)).orElseThrow());
    }

    @Test
    void countsFailuresByCauseAndNeverByWhatKeycloakSaid() {
        assertEquals(List.of(MetricTags.RESETS_FAILED, "cause=keycloak_user_disabled"),
                named(new ResetAttempt.Failed("Kim Locked", ResetFailure.KEYCLOAK_USER_DISABLED, "user kim@example.com disabled"))
                        .orElseThrow());
    }

    @Test
    void aRepeatedClickCountsNowhere() {
        assertEquals(Optional.empty(), MetricTags.of(new ResetAttempt.AlreadyRequested("Liam Smith", AT)));
    }

    @Test
    void namesHowALinkEndedAsTheAdminPagesDo() {
        assertEquals("password_set", MetricTags.linkOutcome(ResetStatus.COMPLETED).getTagValue());
        assertEquals("expired", MetricTags.linkOutcome(ResetStatus.EXPIRED).getTagValue());
        assertEquals("replaced", MetricTags.linkOutcome(ResetStatus.SUPERSEDED).getTagValue());
        assertThrows(IllegalArgumentException.class, () -> MetricTags.linkOutcome(ResetStatus.SENT));
    }

    @Test
    void everyTagValueIsALowerCaseWordFromAnEnum() {
        for (ResetFailure failure : ResetFailure.values()) {
            assertTrue(MetricTags.value(failure).matches("[a-z_]+"), failure.name());
        }
    }

    private static Optional<List<String>> named(ResetAttempt attempt) {
        return MetricTags.of(attempt).map(count -> {
            List<String> parts = new java.util.ArrayList<>(List.of(count.name()));
            for (Tag tag : count.tags()) {
                parts.add(tag.getTagName() + "=" + tag.getTagValue());
            }
            return parts;
        });
    }
}
