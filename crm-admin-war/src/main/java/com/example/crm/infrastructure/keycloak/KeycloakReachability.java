package com.example.crm.infrastructure.keycloak;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether Keycloak answers for the CRM's realm, at the address the CRM calls it: its OpenID discovery document, which
 * Keycloak serves without a database write or a sign-in. Asked at most once per {@link #KEPT}, however many probes ask.
 */
@ApplicationScoped
public class KeycloakReachability {

    static final Duration KEPT = Duration.ofSeconds(10);
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    @Inject
    KeycloakSettings settings;

    @Inject
    Clock clock;

    URI discovery;
    private HttpClient http;
    private Optional<String> lastProblem;
    private Instant askedAt = Instant.MIN;

    /** At start-up, where the CRM's configuration is at hand: a health probe runs on a thread of Payara's own, where it is not. */
    void connect(@Observes @Initialized(ApplicationScoped.class) Object started) {
        discovery = URI.create(settings.adminUrl() + "/realms/" + settings.realm() + "/.well-known/openid-configuration");
        http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Empty when Keycloak answered; otherwise what is wrong, in words an operator can act on. */
    public synchronized Optional<String> problem() {
        Instant now = clock.instant();
        if (lastProblem == null || !now.isBefore(askedAt.plus(KEPT))) {
            lastProblem = ask();
            askedAt = now;
        }
        return lastProblem;
    }

    public String address() {
        return discovery.toString();
    }

    private Optional<String> ask() {
        HttpRequest request = HttpRequest.newBuilder(discovery).timeout(TIMEOUT).GET().build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 200) {
                return Optional.empty();
            }
            return Optional.of("Keycloak answered HTTP " + status + " for realm " + settings.realm() + " at " + discovery
                    + ": check crm.keycloak.admin-url (or crm.keycloak.server-url) and crm.keycloak.realm");
        } catch (HttpTimeoutException e) {
            return Optional.of("Keycloak did not answer within " + TIMEOUT.toSeconds() + " s at " + discovery
                    + ": no reset link can be sent and nobody can sign in until it does");
        } catch (IOException e) {
            return Optional.of("Keycloak cannot be reached at " + discovery + " (" + e.getClass().getSimpleName()
                    + "): no reset link can be sent and nobody can sign in until it can");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("The check of Keycloak at " + discovery + " was interrupted");
        }
    }
}
