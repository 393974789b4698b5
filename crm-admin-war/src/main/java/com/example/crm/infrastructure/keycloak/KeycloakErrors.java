package com.example.crm.infrastructure.keycloak;

import com.example.crm.domain.model.reset.ResetFailure;
import jakarta.ws.rs.WebApplicationException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.http.conn.ConnectTimeoutException;

/** What Keycloak's answers to execute-actions-email mean for the administrator. */
final class KeycloakErrors {

    private static final Pattern MESSAGE = Pattern.compile("\"(?:errorMessage|error_description|error)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private KeycloakErrors() {
    }

    /** The failure behind an HTTP error status and Keycloak's message text. */
    static ResetFailure fromStatus(int status, String message) {
        String text = message == null ? "" : message;
        return switch (status) {
            case 400 -> {
                if (text.contains("email missing")) {
                    yield ResetFailure.KEYCLOAK_EMAIL_MISSING;
                }
                if (text.contains("disabled")) {
                    yield ResetFailure.KEYCLOAK_USER_DISABLED;
                }
                yield ResetFailure.KEYCLOAK_REJECTED_REQUEST;
            }
            case 401 -> ResetFailure.KEYCLOAK_CREDENTIALS_REJECTED;
            case 403 -> ResetFailure.KEYCLOAK_ACCESS_DENIED;
            case 404 -> ResetFailure.KEYCLOAK_USER_NOT_FOUND;
            case 500 -> text.contains("Failed to send") ? ResetFailure.MAIL_SERVER_FAILED : ResetFailure.KEYCLOAK_ERROR;
            // A gateway in front of Keycloak could not reach it (or Keycloak is not ready): the request never got there.
            case 502, 503 -> ResetFailure.KEYCLOAK_UNREACHABLE;
            // The gateway gave up waiting: Keycloak may have sent the email after all.
            case 504 -> ResetFailure.KEYCLOAK_TIMEOUT;
            default -> ResetFailure.KEYCLOAK_ERROR;
        };
    }

    /**
     * The failure behind a call that got no HTTP answer: unreachable when the request never left (no connection,
     * none free in the pool), else a timeout, as the request may have reached Keycloak (answer cut off or late).
     */
    static ResetFailure fromTransport(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            // Fetching the service account's token happens inside the call and answers with a status of its own.
            if (t instanceof WebApplicationException answered && answered.getResponse() != null) {
                return fromStatus(answered.getResponse().getStatus(), null);
            }
            if (t instanceof ConnectTimeoutException || t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException) {
                return ResetFailure.KEYCLOAK_UNREACHABLE;
            }
            if (t instanceof SocketTimeoutException) {
                return t.getMessage() != null && t.getMessage().toLowerCase().contains("connect")
                        ? ResetFailure.KEYCLOAK_UNREACHABLE : ResetFailure.KEYCLOAK_TIMEOUT;
            }
        }
        return ResetFailure.KEYCLOAK_TIMEOUT;
    }

    /** Keycloak's own message from an error body such as {"errorMessage":"User is disabled"}, or the body itself. */
    static String messageOf(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        Matcher m = MESSAGE.matcher(body);
        String message = m.find() ? m.group(1).replace("\\\"", "\"").replace("\\\\", "\\") : body.strip();
        return message.length() > 500 ? message.substring(0, 500) : message;
    }
}
