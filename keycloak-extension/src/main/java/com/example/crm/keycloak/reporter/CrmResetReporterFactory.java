package com.example.crm.keycloak.reporter;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * The {@code crm-reset-reporter} event listener. Configured through Keycloak's SPI options, e.g.
 * {@code KC_SPI_EVENTS_LISTENER_CRM_RESET_REPORTER_CALLBACK_URL} and {@code ..._SECRET}; without them Keycloak
 * does not start, so a misconfigured reporter is found at once rather than by missing reports.
 */
public class CrmResetReporterFactory implements EventListenerProviderFactory {

    public static final String PROVIDER_ID = "crm-reset-reporter";
    static final String CONFIG_CALLBACK_URL = "callback-url";
    static final String CONFIG_SECRET = "secret";
    static final String CONFIG_MAX_ATTEMPTS = "max-attempts";
    static final String CONFIG_FIRST_RETRY_MS = "first-retry-ms";
    static final String CONFIG_MAX_RETRY_MS = "max-retry-ms";
    static final String CONFIG_CAPACITY = "capacity";

    private ReportSender sender;

    @Override
    public void init(Config.Scope config) {
        String callback = required(config, CONFIG_CALLBACK_URL);
        String secret = required(config, CONFIG_SECRET);
        sender = new ReportSender(new ReportSender.Settings(URI.create(callback), secret,
                config.getInt(CONFIG_MAX_ATTEMPTS, 10),
                Duration.ofMillis(config.getInt(CONFIG_FIRST_RETRY_MS, 1000)),
                Duration.ofMillis(config.getInt(CONFIG_MAX_RETRY_MS, 60_000)),
                config.getInt(CONFIG_CAPACITY, 10_000)), Clock.systemUTC());
    }

    private static String required(Config.Scope config, String key) {
        String value = config.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(PROVIDER_ID + " needs its " + key + ": set --spi-events-listener-" + PROVIDER_ID
                    + "-" + key + " (or KC_SPI_EVENTS_LISTENER_CRM_RESET_REPORTER_" + key.toUpperCase().replace('-', '_') + ")");
        }
        return value;
    }

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new CrmResetReporter(session, sender);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
        if (sender != null) {
            sender.close();
        }
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
