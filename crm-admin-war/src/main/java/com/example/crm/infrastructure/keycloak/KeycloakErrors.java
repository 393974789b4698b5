package com.example.crm.infrastructure.keycloak;

import com.example.crm.domain.model.reset.ResetFailure;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
            default -> ResetFailure.KEYCLOAK_ERROR;
        };
    }

    /** The failure behind a call that got no HTTP answer. */
    static ResetFailure fromTransport(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return t.getMessage() != null && t.getMessage().toLowerCase().contains("connect")
                        ? ResetFailure.KEYCLOAK_UNREACHABLE : ResetFailure.KEYCLOAK_TIMEOUT;
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
                return ResetFailure.KEYCLOAK_UNREACHABLE;
            }
        }
        return ResetFailure.KEYCLOAK_UNREACHABLE;
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
