package com.example.crm.testsupport;

import com.example.crm.application.IdentityProvider;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stands in for Keycloak in container tests (the system tests use the real one): remembers who it was asked for. */
@ApplicationScoped
public class RecordingIdentityProvider implements IdentityProvider {

    private final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void sendPasswordReset(String identityUserId, Duration lifespan) {
        calls.add(identityUserId);
    }

    public List<String> calls() {
        return calls;
    }
}
