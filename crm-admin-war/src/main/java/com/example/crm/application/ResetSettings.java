package com.example.crm.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How reset links are requested: their lifespan and the per-user hourly limit, from MicroProfile Config. */
@ApplicationScoped
public class ResetSettings {

    static final long MIN_LIFESPAN_SECONDS = 60;
    static final long MAX_LIFESPAN_SECONDS = Duration.ofHours(24).toSeconds();

    @Inject
    @ConfigProperty(name = "crm.reset.link-lifespan-seconds", defaultValue = "43200")
    long lifespanSeconds;

    /** The limit counts the links emailed to a user in this window. */
    public static final Duration LIMIT_WINDOW = Duration.ofHours(1);

    @Inject
    @ConfigProperty(name = "crm.reset.max-links-per-hour", defaultValue = "5")
    int maxLinksPerHour;

    @PostConstruct
    void validate() {
        if (maxLinksPerHour < 1 || maxLinksPerHour > 100) {
            throw new IllegalStateException("crm.reset.max-links-per-hour is " + maxLinksPerHour + "; it must be between 1 and 100");
        }
        if (lifespanSeconds < MIN_LIFESPAN_SECONDS || lifespanSeconds > MAX_LIFESPAN_SECONDS) {
            throw new IllegalStateException("crm.reset.link-lifespan-seconds is " + lifespanSeconds
                    + "; it must be between " + MIN_LIFESPAN_SECONDS + " and " + MAX_LIFESPAN_SECONDS + " (24 hours)");
        }
    }

    public int maxLinksPerHour() {
        return maxLinksPerHour;
    }

    public Duration lifespan() {
        return Duration.ofSeconds(lifespanSeconds);
    }
}
