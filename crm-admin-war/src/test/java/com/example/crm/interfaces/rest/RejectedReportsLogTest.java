package com.example.crm.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.crm.interfaces.rest.RejectedReportsLog.Reason;
import com.example.crm.testsupport.MovingClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RejectedReportsLogTest {

    private final List<String> warnings = new ArrayList<>();
    private final MovingClock clock = new MovingClock(Instant.parse("2026-11-27T12:00:00Z"));
    private final RejectedReportsLog log = new RejectedReportsLog();

    RejectedReportsLogTest() {
        log.clock = clock;
        log.warnings = warnings::add;
    }

    @Test
    void warnsOfTheFirstRefusal() {
        log.rejected(Reason.SIGNATURE, "missing or wrong signature");
        assertEquals(List.of("Refused a Keycloak report: missing or wrong signature"), warnings);
    }

    @Test
    void warnsAtMostOnceAMinutePerReasonAndCountsWhatItLeftOut() {
        for (int i = 0; i < 500; i++) {
            log.rejected(Reason.SIGNATURE, "missing or wrong signature");
            clock.pass(Duration.ofMillis(100)); // 50 s in all
        }
        assertEquals(1, warnings.size());
        clock.pass(Duration.ofSeconds(10));
        log.rejected(Reason.SIGNATURE, "missing or wrong signature");
        assertEquals("Refused a Keycloak report: missing or wrong signature (and 499 more for the same reason since the"
                + " last such warning, not logged: at most one a minute)", warnings.get(1));
        clock.pass(Duration.ofMinutes(5));
        log.rejected(Reason.SIGNATURE, "missing or wrong signature");
        assertEquals("Refused a Keycloak report: missing or wrong signature", warnings.get(2), "the count starts again");
    }

    @Test
    void eachReasonHasItsOwnMinute() {
        for (Reason reason : Reason.values()) {
            log.rejected(reason, reason.name());
            log.rejected(reason, reason.name());
        }
        assertEquals(Reason.values().length, warnings.size());
    }
}
