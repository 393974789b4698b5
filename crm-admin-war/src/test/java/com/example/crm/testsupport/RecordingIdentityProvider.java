package com.example.crm.testsupport;

import com.example.crm.application.IdentityProvider;
import jakarta.enterprise.context.ApplicationScoped;
import com.example.crm.domain.model.reset.LinkReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for Keycloak in container tests (the system tests use the real one): remembers who it was asked for,
 * and serves the stored events a test gives it.
 */
@ApplicationScoped
public class RecordingIdentityProvider implements IdentityProvider {

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<LinkReport> storedEvents = new CopyOnWriteArrayList<>();

    @Override
    public void sendPasswordReset(String identityUserId, Duration lifespan) {
        calls.add(identityUserId);
    }

    @Override
    public List<LinkReport> linkEventsSince(String identityUserId, Instant since) {
        return storedEvents.stream()
                .filter(event -> event.keycloakUserId().equals(identityUserId) && !event.occurredAt().isBefore(since))
                .toList();
    }

    public List<String> calls() {
        return calls;
    }

    /** An event Keycloak stored, for reconciliation to find. */
    public void store(LinkReport event) {
        storedEvents.add(event);
    }
}
