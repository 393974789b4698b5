package com.example.crm.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class DisplayTimesTest {

    private static final ResourceBundle ENGLISH = ResourceBundle.getBundle(ResetMessages.BUNDLE, Locale.ENGLISH);
    private static final ResourceBundle GERMAN = ResourceBundle.getBundle(ResetMessages.BUNDLE, Locale.GERMAN);

    @Test
    void saysHowLongInWordsAnAdminReadsAtAGlance() {
        assertEquals("in 12 hours", DisplayTimes.relative(Duration.ofHours(12).minusSeconds(3), ENGLISH));
        assertEquals("in 89 minutes", DisplayTimes.relative(Duration.ofMinutes(89), ENGLISH));
        assertEquals("in 2 hours", DisplayTimes.relative(Duration.ofMinutes(91), ENGLISH));
        assertEquals("in 45 minutes", DisplayTimes.relative(Duration.ofMinutes(45), ENGLISH));
        assertEquals("in 1 minute", DisplayTimes.relative(Duration.ofSeconds(61), ENGLISH));
        assertEquals("in less than a minute", DisplayTimes.relative(Duration.ofSeconds(20), ENGLISH));
        assertEquals("in 3 days", DisplayTimes.relative(Duration.ofDays(3), ENGLISH));
        assertEquals("2 hours ago", DisplayTimes.relative(Duration.ofHours(-2), ENGLISH));
        assertEquals("just now", DisplayTimes.relative(Duration.ofSeconds(-5), ENGLISH));
    }

    @Test
    void andInGerman() {
        assertEquals("in 12 Stunden", DisplayTimes.relative(Duration.ofHours(12).minusSeconds(3), GERMAN));
        assertEquals("in 1 Minute", DisplayTimes.relative(Duration.ofSeconds(61), GERMAN));
        assertEquals("vor 3 Tagen", DisplayTimes.relative(Duration.ofDays(-3), GERMAN));
        assertEquals("vor 2 Stunden", DisplayTimes.relative(Duration.ofMinutes(-95), GERMAN));
        assertEquals("gerade eben", DisplayTimes.relative(Duration.ofSeconds(-5), GERMAN));
    }
}
