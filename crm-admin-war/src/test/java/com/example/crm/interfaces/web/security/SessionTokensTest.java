package com.example.crm.interfaces.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.crm.infrastructure.keycloak.KeycloakSettings;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void rolesComeFromTheAccessTokenElseTheIdToken() {
        String withRoles = jwt("{\"groups\":[\"crm-admin\",\"offline_access\"]}");
        String without = jwt("{\"sub\":\"x\"}");

        assertEquals(List.of("crm-admin", "offline_access"), SessionTokens.groups(withRoles, without));
        assertEquals(List.of("crm-admin", "offline_access"), SessionTokens.groups(without, withRoles));
        assertTrue(SessionTokens.groups(without, without).isEmpty());
        assertTrue(SessionTokens.groups("not a token", null).isEmpty());
    }

    @Test
    void aSignInWhoseTokenIsStillGoodIsKeptWithoutAskingKeycloak() {
        SessionTokens tokens = new SessionTokens(); // no Keycloak settings, no client: asking would fail
        tokens.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        SignedInCaller caller = caller(NOW.plusSeconds(1), "refresh");

        assertSame(caller, tokens.current(caller).orElseThrow());
    }

    @Test
    void aSignInWithoutARefreshTokenEndsWhenItsTokenRunsOut() {
        SessionTokens tokens = new SessionTokens();
        tokens.clock = Clock.fixed(NOW, ZoneOffset.UTC);

        assertTrue(tokens.current(caller(NOW, null)).isEmpty());
    }

    @Test
    void aSignInDueForRenewalGetsKeycloaksNewTokensAndRoles() throws Exception {
        try (FakeTokenEndpoint keycloak = FakeTokenEndpoint.answering(200, "{\"access_token\":\""
                + jwt("{\"groups\":[\"crm-agent\"]}") + "\",\"expires_in\":300,\"refresh_token\":\"refresh-2\"}")) {
            SessionTokens tokens = keycloak.tokens(NOW);

            SignedInCaller renewed = tokens.current(caller(NOW, "refresh-1")).orElseThrow();

            assertEquals(List.of("crm-agent"), renewed.groups(), "a role taken away in Keycloak is gone here too");
            assertEquals("refresh-2", renewed.refreshToken());
            assertEquals(NOW.plusSeconds(290), renewed.renewAt());
            assertTrue(keycloak.lastForm().contains("grant_type=refresh_token"), keycloak.lastForm());
            assertTrue(keycloak.lastForm().contains("refresh_token=refresh-1"), keycloak.lastForm());
        }
    }

    @Test
    void aSignInKeycloakEndedEnds() throws Exception {
        try (FakeTokenEndpoint keycloak = FakeTokenEndpoint.answering(400, "{\"error\":\"invalid_grant\"}")) {
            assertTrue(keycloak.tokens(NOW).current(caller(NOW, "refresh-1")).isEmpty());
        }
    }

    @Test
    void aSignInIsKeptWhileKeycloakCannotAnswerAndRenewedLater() throws Exception {
        SignedInCaller caller = caller(NOW, "refresh-1");
        try (FakeTokenEndpoint keycloak = FakeTokenEndpoint.answering(503, "")) {
            assertSame(caller, keycloak.tokens(NOW).current(caller).orElseThrow());
        }
    }

    private static SignedInCaller caller(Instant renewAt, String refreshToken) {
        return new SignedInCaller("admin", "Ada Admin", List.of("crm-admin"), jwt("{}"), refreshToken, renewAt);
    }

    private static String jwt(String claims) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".sig";
    }

    /** Keycloak's token endpoint, as far as a renewal needs it: one fixed answer, and the last form it was sent. */
    private static final class FakeTokenEndpoint implements AutoCloseable {

        private final HttpServer server;
        private volatile String lastForm = "";

        private FakeTokenEndpoint(HttpServer server) {
            this.server = server;
        }

        static FakeTokenEndpoint answering(int status, String body) throws IOException {
            FakeTokenEndpoint endpoint = new FakeTokenEndpoint(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
            endpoint.server.createContext("/realms/crm/protocol/openid-connect/token", exchange -> {
                endpoint.lastForm = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                byte[] answer = body.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            endpoint.server.start();
            return endpoint;
        }

        SessionTokens tokens(Instant now) {
            String issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/crm";
            SessionTokens tokens = new SessionTokens();
            tokens.keycloak = new KeycloakSettings() {
                @Override
                public String issuerUri() {
                    return issuer;
                }

                @Override
                public String clientId() {
                    return "crm";
                }

                @Override
                public String clientSecret() {
                    return "secret";
                }

                @Override
                public long connectTimeoutMillis() {
                    return 10_000;
                }

                @Override
                public long readTimeoutMillis() {
                    return 10_000;
                }
            };
            tokens.clock = Clock.fixed(now, ZoneOffset.UTC);
            tokens.start();
            return tokens;
        }

        String lastForm() {
            return lastForm;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
