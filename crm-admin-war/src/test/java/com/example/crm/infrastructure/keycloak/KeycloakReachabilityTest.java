package com.example.crm.infrastructure.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.crm.testsupport.MovingClock;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeycloakReachabilityTest {

    private final AtomicInteger asked = new AtomicInteger();
    private volatile int status = 200;
    private volatile long delayMillis;
    private final MovingClock clock = new MovingClock(Instant.parse("2026-11-30T08:00:00Z"));
    private HttpServer keycloak;

    @AfterEach
    void stop() {
        if (keycloak != null) {
            keycloak.stop(0);
        }
    }

    @Test
    void upWhenTheRealmsDiscoveryDocumentAnswers() throws IOException {
        KeycloakReachability reachability = reachability(startKeycloak());
        assertEquals(Optional.empty(), reachability.problem());
        assertEquals(1, asked.get());
    }

    @Test
    void asksKeycloakAtMostOnceInTenSecondsHoweverManyProbesAsk() throws IOException {
        KeycloakReachability reachability = reachability(startKeycloak());
        for (int probe = 0; probe < 5; probe++) {
            reachability.problem();
        }
        assertEquals(1, asked.get());
        clock.pass(KeycloakReachability.KEPT);
        reachability.problem();
        assertEquals(2, asked.get());
    }

    @Test
    void namesTheStatusAndTheSettingsToCheckWhenTheRealmIsNotThere() throws IOException {
        status = 404;
        String problem = reachability(startKeycloak()).problem().orElseThrow();
        assertTrue(problem.contains("HTTP 404") && problem.contains("realm crm") && problem.contains("crm.keycloak.admin-url"), problem);
    }

    @Test
    void saysWhenNothingAnswersAtTheAddress() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String problem = reachability("http://127.0.0.1:" + closedPort).problem().orElseThrow();
        assertTrue(problem.startsWith("Keycloak cannot be reached at http://127.0.0.1:" + closedPort
                + "/realms/crm/.well-known/openid-configuration"), problem);
        assertTrue(problem.contains("no reset link can be sent"), problem);
    }

    @Test
    void givesUpOnASlowKeycloakAfterItsTimeout() throws IOException {
        delayMillis = KeycloakReachability.TIMEOUT.toMillis() + 2000;
        long start = System.nanoTime();
        String problem = reachability(startKeycloak()).problem().orElseThrow();
        assertTrue(problem.startsWith("Keycloak did not answer within 3 s"), problem);
        assertTrue((System.nanoTime() - start) / 1_000_000 < KeycloakReachability.TIMEOUT.toMillis() + 1500);
    }

    private String startKeycloak() throws IOException {
        keycloak = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        keycloak.createContext("/realms/crm/.well-known/openid-configuration", exchange -> {
            asked.incrementAndGet();
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        keycloak.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        keycloak.start();
        return "http://127.0.0.1:" + keycloak.getAddress().getPort();
    }

    private KeycloakReachability reachability(String adminUrl) {
        KeycloakSettings settings = new KeycloakSettings();
        settings.serverUrl = "http://localhost:8180";
        settings.adminUrl = Optional.of(adminUrl);
        settings.realm = "crm";
        KeycloakReachability reachability = new KeycloakReachability();
        reachability.settings = settings;
        reachability.clock = clock;
        reachability.connect(null);
        return reachability;
    }
}
