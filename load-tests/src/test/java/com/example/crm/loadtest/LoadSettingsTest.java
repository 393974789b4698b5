package com.example.crm.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class LoadSettingsTest {

    @Test
    void defaultsAreTheDevStacksAndTheIssuesLoad() {
        LoadSettings settings = LoadSettings.from(new Properties());

        assertEquals(URI.create("http://localhost:8080/crm"), settings.crmUrl());
        assertEquals(URI.create("http://127.0.0.1:8025"), settings.mailApiUrl());
        assertEquals(50, settings.users());
        assertEquals(Duration.ofMinutes(5), settings.duration());
        assertEquals("http://localhost:8080", settings.crmOrigin());
    }

    @Test
    void aShortSmokeRunIsTwoProperties() {
        LoadSettings settings = LoadSettings.from(properties("load.users", "5", "load.duration", "30"));

        assertEquals(5, settings.users());
        assertEquals(Duration.ofSeconds(30), settings.duration());
    }

    @Test
    void refusesAnyAddressOffThisMachine() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> LoadSettings.from(properties("crm.url", "http://192.0.2.10:8080/crm")));

        assertTrue(refused.getMessage().contains("crm.url must point at this machine"), refused.getMessage());
    }

    @Test
    void acceptsEveryLoopbackForm() {
        assertTrue(LoadSettings.isLoopback(URI.create("http://localhost:8080/crm")));
        assertTrue(LoadSettings.isLoopback(URI.create("http://127.0.0.1:8025")));
        assertTrue(LoadSettings.isLoopback(URI.create("http://127.1.2.3:8025")));
        assertTrue(LoadSettings.isLoopback(URI.create("http://[::1]:8025")));
    }

    @Test
    void reportsEveryBadValueAtOnce() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> LoadSettings.from(
                properties("load.users", "0", "load.duration", "forever", "load.max.visits", "1000000")));

        assertTrue(refused.getMessage().contains("load.users must be between 1 and 200"), refused.getMessage());
        assertTrue(refused.getMessage().contains("load.duration is not a whole number"), refused.getMessage());
        assertTrue(refused.getMessage().contains("load.max.visits must be between 1 and 5000"), refused.getMessage());
    }

    private static Properties properties(String... keysAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }
}
