package com.example.crm.interfaces.health;

import com.example.crm.infrastructure.persistence.jpa.DatabaseMigrations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the database's schema is the one this CRM was built for. */
@Readiness
@ApplicationScoped
public class MigrationsCheck implements HealthCheck {

    @Inject
    DatabaseMigrations migrations;

    @Override
    public HealthCheckResponse call() {
        Optional<String> problem = migrations.problem();
        return problem.map(text -> HealthCheckResponse.named("migrations").down().withData("problem", text).build())
                .orElseGet(() -> HealthCheckResponse.up("migrations"));
    }
}
