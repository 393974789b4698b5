package com.example.crm.infrastructure.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.example.crm.domain.model.reset.ResetFailure;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.ServerErrorException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.apache.http.NoHttpResponseException;
import org.apache.http.conn.ConnectionPoolTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeycloakErrorsTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "400 | User email missing                                  | KEYCLOAK_EMAIL_MISSING",
        "400 | User is disabled                                    | KEYCLOAK_USER_DISABLED",
        "400 | Invalid redirect uri.                               | KEYCLOAK_REJECTED_REQUEST",
        "400 | Client doesn't exist                                | KEYCLOAK_REJECTED_REQUEST",
        "401 | HTTP 401 Unauthorized                               | KEYCLOAK_CREDENTIALS_REJECTED",
        "403 | HTTP 403 Forbidden                                  | KEYCLOAK_ACCESS_DENIED",
        "404 | User not found                                      | KEYCLOAK_USER_NOT_FOUND",
        "500 | Failed to send execute actions email: Connect fail  | MAIL_SERVER_FAILED",
        "500 | Unknown error                                       | KEYCLOAK_ERROR",
        "502 | Bad gateway                                         | KEYCLOAK_UNREACHABLE",
        "503 | Service unavailable                                 | KEYCLOAK_UNREACHABLE",
        "504 | Gateway timeout                                     | KEYCLOAK_TIMEOUT",
        "507 | Insufficient storage                                | KEYCLOAK_ERROR",
    })
    void mapsEachKeycloakAnswer(int status, String message, ResetFailure expected) {
        assertEquals(expected, KeycloakErrors.fromStatus(status, message));
    }

    @Test
    void refusedConnectionIsUnreachable() {
        assertEquals(ResetFailure.KEYCLOAK_UNREACHABLE,
                KeycloakErrors.fromTransport(new ProcessingException(new ConnectException("Connection refused"))));
    }

    @Test
    void connectTimeoutIsUnreachableButReadTimeoutIsATimeout() {
        assertEquals(ResetFailure.KEYCLOAK_UNREACHABLE,
                KeycloakErrors.fromTransport(new ProcessingException(new SocketTimeoutException("Connect timed out"))));
        assertEquals(ResetFailure.KEYCLOAK_TIMEOUT,
                KeycloakErrors.fromTransport(new ProcessingException(new SocketTimeoutException("Read timed out"))));
        assertEquals(ResetFailure.KEYCLOAK_UNREACHABLE, KeycloakErrors.fromTransport(new ProcessingException(
                new ConnectionPoolTimeoutException("Timeout waiting for connection from pool"))), "the request never left");
        assertEquals(ResetFailure.KEYCLOAK_TIMEOUT,
                KeycloakErrors.fromTransport(new ProcessingException(new NoHttpResponseException("failed to respond"))),
                "the request may have reached Keycloak");
        assertEquals(ResetFailure.KEYCLOAK_CREDENTIALS_REJECTED, KeycloakErrors.fromTransport(new ProcessingException(
                new NotAuthorizedException("token refused"))), "the service account's token was refused");
        assertEquals(ResetFailure.KEYCLOAK_UNREACHABLE, KeycloakErrors.fromTransport(new ProcessingException(
                new ServerErrorException(502))), "a gateway answered for the token");
    }

    @Test
    void readsKeycloaksMessageFromItsErrorBodies() {
        assertEquals("User is disabled", KeycloakErrors.messageOf("{\"errorMessage\":\"User is disabled\"}"));
        assertEquals("User not found", KeycloakErrors.messageOf("{\"error\":\"User not found\"}"));
        assertEquals("say \"hi\"", KeycloakErrors.messageOf("{\"errorMessage\":\"say \\\"hi\\\"\"}"));
        assertEquals("plain text", KeycloakErrors.messageOf("plain text"));
        assertNull(KeycloakErrors.messageOf(""));
    }
}
