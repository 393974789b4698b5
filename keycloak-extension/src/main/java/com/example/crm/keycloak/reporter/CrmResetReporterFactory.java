package com.example.crm.keycloak.reporter;

import io.micrometer.core.instrument.Metrics;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * The {@code crm-reset-reporter} event listener. Configured through Keycloak's SPI options, e.g.
 * {@code KC_SPI_EVENTS_LISTENER_CRM_RESET_REPORTER_CALLBACK_URL} and {@code ..._SECRET}; without them, or with an
 * address or number that makes no sense, Keycloak does not start, so a misconfigured reporter is found at once rather
 * than by missing reports.
 */
public class CrmResetReporterFactory implements EventListenerProviderFactory {

    public static final String PROVIDER_ID = "crm-reset-reporter";
    static final String CONFIG_CALLBACK_URL = "callback-url";
    static final String CONFIG_SECRET = "secret";
    static final String CONFIG_MAX_ATTEMPTS = "max-attempts";
    static final String CONFIG_FIRST_RETRY_MS = "first-retry-ms";
    static final String CONFIG_MAX_RETRY_MS = "max-retry-ms";
    static final String CONFIG_CAPACITY = "capacity";
    private static final String EXAMPLE_CALLBACK = "https://crm.example.com/crm/api/keycloak-events";

    private ReportSender sender;
    private ReporterMeters meters;

    @Override
    public void init(Config.Scope config) {
        sender = new ReportSender(settings(config::get), Clock.systemUTC());
        // Keycloak's Prometheus registry (management port, /metrics) is part of Micrometer's global one.
        meters = new ReporterMeters(Metrics.globalRegistry, sender);
    }

    /**
     * The options, or one exception naming every option that is missing or wrong, so that Keycloak does not start with
     * a reporter that could never deliver.
     */
    private static ReportSender.Settings settings(Function<String, String> options) {
        List<String> problems = new ArrayList<>();
        URI callback = callback(options.apply(CONFIG_CALLBACK_URL), problems);
        String secret = options.apply(CONFIG_SECRET);
        if (secret == null || secret.isBlank()) {
            problems.add(option(CONFIG_SECRET) + " is required: the secret shared with the CRM's crm.keycloak.report-secret.");
        }
        int maxAttempts = positive(options, CONFIG_MAX_ATTEMPTS, 10, problems);
        int firstRetryMs = positive(options, CONFIG_FIRST_RETRY_MS, 1000, problems);
        int maxRetryMs = positive(options, CONFIG_MAX_RETRY_MS, 60_000, problems);
        int capacity = positive(options, CONFIG_CAPACITY, 10_000, problems);
        if (firstRetryMs > maxRetryMs) {
            problems.add(option(CONFIG_FIRST_RETRY_MS) + " (" + firstRetryMs + ") is longer than " + option(CONFIG_MAX_RETRY_MS)
                    + " (" + maxRetryMs + ").");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(PROVIDER_ID + " cannot start: " + String.join(" ", problems));
        }
        return new ReportSender.Settings(callback, secret, maxAttempts, Duration.ofMillis(firstRetryMs),
                Duration.ofMillis(maxRetryMs), capacity);
    }

    /** The HTTP client's own rule: an absolute http or https address with a host. */
    private static URI callback(String value, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add(option(CONFIG_CALLBACK_URL) + " is required: the CRM's callback, e.g. " + EXAMPLE_CALLBACK + ".");
            return null;
        }
        try {
            URI uri = new URI(value.trim());
            if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException malformed) {
            // reported below, like any other address the reporter cannot post to
        }
        // Not echoed: an address may carry credentials.
        problems.add(option(CONFIG_CALLBACK_URL) + " must be an http or https address with a host, e.g. " + EXAMPLE_CALLBACK + ".");
        return null;
    }

    private static int positive(Function<String, String> options, String key, int fallback, List<String> problems) {
        String value = options.apply(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, like a number out of range
        }
        problems.add(option(key) + " must be a whole number from 1 to " + Integer.MAX_VALUE + "; it is \"" + value.trim() + "\".");
        return fallback;
    }

    private static String option(String key) {
        return "--spi-events-listener-" + PROVIDER_ID + "-" + key + " (KC_SPI_EVENTS_LISTENER_CRM_RESET_REPORTER_"
                + key.toUpperCase(Locale.ROOT).replace('-', '_') + ")";
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
        if (meters != null) {
            meters.close();
        }
        if (sender != null) {
            sender.close();
        }
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
