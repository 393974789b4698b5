package com.example.crm.interfaces.health;

import com.example.crm.application.LinkStatusSchedule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the minute's link expiry keeps being started. It depends on nothing outside the CRM (a database that does
 * not answer makes the job fail, not stop), so only a CRM that restarting would mend is reported dead.
 */
@Liveness
@ApplicationScoped
public class ScheduleCheck implements HealthCheck {

    static final Duration LATEST = Duration.ofMinutes(3);

    @Inject
    LinkStatusSchedule schedule;

    @Inject
    Clock clock;

    @Override
    public HealthCheckResponse call() {
        Instant last = schedule.lastExpiryStarted();
        Duration since = Duration.between(last, clock.instant());
        if (since.compareTo(LATEST) <= 0) {
            return HealthCheckResponse.named("schedule").up().withData("lastExpiryRun", last.toString()).build();
        }
        return HealthCheckResponse.named("schedule").down().withData("lastExpiryRun", last.toString())
                .withData("problem", "the CRM's minute job (link expiry) has not started for " + since.toMinutes()
                        + " min: its background work has stopped; restart the CRM").build();
    }
}
