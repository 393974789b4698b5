package com.example.crm.interfaces.health;

import com.example.crm.infrastructure.keycloak.KeycloakReachability;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while Keycloak answers: without it nobody signs in and no link is sent. */
@Readiness
@ApplicationScoped
public class KeycloakCheck implements HealthCheck {

    @Inject
    KeycloakReachability keycloak;

    @Override
    public HealthCheckResponse call() {
        Optional<String> problem = keycloak.problem();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("keycloak").status(problem.isEmpty())
                .withData("url", keycloak.address());
        problem.ifPresent(text -> response.withData("problem", text));
        return response.build();
    }
}
