package com.example.crm.keycloak.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class SelfServiceEmailsTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void limitsAfterTheMaximumWithinTheHourUntilTheOldestOfThemIsAnHourOld() {
        List<String> sent = List.of(seconds(NOW.minusSeconds(3000)), seconds(NOW.minusSeconds(600)), seconds(NOW.minusSeconds(60)));
        SelfServiceEmails emails = SelfServiceEmails.parse(sent.stream(), NOW);
        assertEquals(Optional.empty(), emails.limitedUntil(4));
        assertEquals(Optional.of(NOW.minusSeconds(3000).plus(Duration.ofHours(1))), emails.limitedUntil(3));
        assertEquals(Optional.of(NOW.minusSeconds(600).plus(Duration.ofHours(1))), emails.limitedUntil(2));
    }

    @Test
    void forgetsSendsOlderThanAnHourAndValuesItCouldNotHaveWritten() {
        Stream<String> values = Stream.of(seconds(NOW.minusSeconds(3601)), "soon", "-5", "", "12345678901234567890",
                seconds(NOW.plus(Duration.ofDays(1))), seconds(NOW.minusSeconds(10)));
        SelfServiceEmails emails = SelfServiceEmails.parse(values, NOW);
        assertEquals(Optional.empty(), emails.limitedUntil(2));
        assertEquals(List.of(seconds(NOW.minusSeconds(10)), seconds(NOW)), emails.with(NOW));
    }

    @Test
    void keepsABoundedNumberOfValues() {
        Stream<String> many = Stream.iterate(NOW.minusSeconds(100), at -> at.plusSeconds(1)).limit(50).map(SelfServiceEmailsTest::seconds);
        List<String> kept = SelfServiceEmails.parse(many, NOW).with(NOW);
        assertEquals(SelfServiceEmails.MAX_KEPT, kept.size());
        assertTrue(kept.contains(seconds(NOW)));
    }

    private static String seconds(Instant at) {
        return String.valueOf(at.getEpochSecond());
    }
}
