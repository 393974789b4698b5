package com.example.crm.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How reset links are requested: their lifespan, from MicroProfile Config. */
@ApplicationScoped
public class ResetSettings {

    static final long MIN_LIFESPAN_SECONDS = 60;
    static final long MAX_LIFESPAN_SECONDS = Duration.ofHours(24).toSeconds();

    @Inject
    @ConfigProperty(name = "crm.reset.link-lifespan-seconds", defaultValue = "43200")
    long lifespanSeconds;

    @PostConstruct
    void validate() {
        if (lifespanSeconds < MIN_LIFESPAN_SECONDS || lifespanSeconds > MAX_LIFESPAN_SECONDS) {
            throw new IllegalStateException("crm.reset.link-lifespan-seconds is " + lifespanSeconds
                    + "; it must be between " + MIN_LIFESPAN_SECONDS + " and " + MAX_LIFESPAN_SECONDS + " (24 hours)");
        }
    }

    public Duration lifespan() {
        return Duration.ofSeconds(lifespanSeconds);
    }
}
