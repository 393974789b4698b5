package com.example.crm.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DisplayTimesTest {

    @Test
    void saysHowLongInWordsAnAdminReadsAtAGlance() {
        assertEquals("in 12 hours", DisplayTimes.relative(Duration.ofHours(12).minusSeconds(3)));
        assertEquals("in 89 minutes", DisplayTimes.relative(Duration.ofMinutes(89)));
        assertEquals("in 2 hours", DisplayTimes.relative(Duration.ofMinutes(91)));
        assertEquals("in 45 minutes", DisplayTimes.relative(Duration.ofMinutes(45)));
        assertEquals("in 1 minute", DisplayTimes.relative(Duration.ofSeconds(61)));
        assertEquals("in less than a minute", DisplayTimes.relative(Duration.ofSeconds(20)));
        assertEquals("in 3 days", DisplayTimes.relative(Duration.ofDays(3)));
        assertEquals("2 hours ago", DisplayTimes.relative(Duration.ofHours(-2)));
        assertEquals("just now", DisplayTimes.relative(Duration.ofSeconds(-5)));
    }
}
