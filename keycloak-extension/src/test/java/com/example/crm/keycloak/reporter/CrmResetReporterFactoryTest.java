package com.example.crm.keycloak.reporter;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.keycloak.Config;

/** Keycloak does not start with a reporter that could never deliver; the message names the option to fix. */
class CrmResetReporterFactoryTest {

    private static final String OPTION = "--spi-events-listener-crm-reset-reporter-";

    @Test
    void startsWithACallbackAndASecretAlone() {
        CrmResetReporterFactory factory = new CrmResetReporterFactory();
        assertDoesNotThrow(() -> factory.init(options(Map.of())));
        factory.close();
    }

    @Test
    void refusesACallbackThatIsNotAnHttpAddress() {
        for (String callback : new String[] {"crm.example.com/crm/api/keycloak-events", "ftp://crm.example.com/events",
                "https://crm example.com/events", "http:///events", "  "}) {
            String message = refused(Map.of("callback-url", callback));
            assertTrue(message.contains(OPTION + "callback-url"), callback + ": " + message);
        }
    }

    @Test
    void refusesAMissingOrBlankSecret() {
        assertTrue(refused(Map.of("secret", " ")).contains(OPTION + "secret"));
        Map<String, String> withoutSecret = new HashMap<>();
        withoutSecret.put("secret", null);
        assertTrue(refused(withoutSecret).contains(OPTION + "secret"));
    }

    @Test
    void refusesNonsenseNumbersAndNamesEveryOne() {
        String message = refused(Map.of("max-attempts", "ten", "capacity", "0", "first-retry-ms", "-1", "max-retry-ms", "99999999999"));
        for (String option : new String[] {"max-attempts", "capacity", "first-retry-ms", "max-retry-ms"}) {
            assertTrue(message.contains(OPTION + option), option + ": " + message);
        }
    }

    @Test
    void refusesAFirstRetryLongerThanTheLongest() {
        String message = refused(Map.of("first-retry-ms", "5000", "max-retry-ms", "1000"));
        assertTrue(message.contains(OPTION + "first-retry-ms") && message.contains(OPTION + "max-retry-ms"), message);
    }

    private static String refused(Map<String, String> overrides) {
        CrmResetReporterFactory factory = new CrmResetReporterFactory();
        try {
            return assertThrows(RuntimeException.class, () -> factory.init(options(overrides))).getMessage();
        } finally {
            factory.close();
        }
    }

    /** A working configuration with some options replaced (a null value removes one). */
    private static Config.Scope options(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(Map.of("callback-url", "https://crm.example.com/crm/api/keycloak-events",
                "secret", "s3cret"));
        values.putAll(overrides);
        return new Config.AbstractScope() {
            @Override
            public String get(String key) {
                return values.get(key);
            }

            @Override
            public Config.Scope scope(String... path) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Set<String> getPropertyNames() {
                return values.keySet();
            }

            @Override
            public Config.Scope root() {
                throw new UnsupportedOperationException();
            }
        };
    }
}
