package com.example.crm.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of Keycloak's events say what became of a reset link, and as which report. The reporter maps events as they
 * happen; the CRM maps the same user events when it reads them back from Keycloak's event store. Events are given by
 * the names Keycloak stores them under, so this needs no Keycloak classes.
 */
public final class KeycloakEventMapping {

    static final String UPDATE_CREDENTIAL = "UPDATE_CREDENTIAL";
    static final String EXECUTE_ACTION_TOKEN_ERROR = "EXECUTE_ACTION_TOKEN_ERROR";
    static final String EXECUTE_ACTIONS_ERROR = "EXECUTE_ACTIONS_ERROR";
    /** "Forgot password?" emailed the user a link. */
    static final String SEND_RESET_PASSWORD = "SEND_RESET_PASSWORD";
    /** A "Forgot password?" link failed once Keycloak knew its kind (as EXECUTE_ACTIONS_ERROR for an admin's link). */
    static final String RESET_PASSWORD_ERROR = "RESET_PASSWORD_ERROR";
    /** The user event types that can become a report. */
    public static final List<String> USER_EVENT_TYPES = List.of(UPDATE_CREDENTIAL, EXECUTE_ACTION_TOKEN_ERROR, EXECUTE_ACTIONS_ERROR,
            SEND_RESET_PASSWORD, RESET_PASSWORD_ERROR);

    /** Keycloak's error for a link that is too old before it knows the link's kind, and already used after. */
    static final String EXPIRED_CODE = "expired_code";
    private static final Pattern EXECUTE_ACTIONS_EMAIL = Pattern.compile("^users/([^/]+)/execute-actions-email$");

    private KeycloakEventMapping() {
    }

    /**
     * The report a user event makes, if any.
     *
     * @param eventType the event's type, e.g. {@code UPDATE_CREDENTIAL}
     * @param error     the event's error, or null
     * @param details   the event's details (such as {@code credential_type}), or null
     */
    public static Optional<ReportType> reportTypeOf(String eventType, String error, Map<String, String> details) {
        if (eventType == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (eventType) {
            // Keycloak fires UPDATE_CREDENTIAL and the deprecated UPDATE_PASSWORD for one change: report one.
            case UPDATE_CREDENTIAL -> isPassword(details) ? ReportType.PASSWORD_CHANGED : null;
            case EXECUTE_ACTION_TOKEN_ERROR -> EXPIRED_CODE.equals(error) ? ReportType.LINK_EXPIRED : ReportType.LINK_INVALID;
            case EXECUTE_ACTIONS_ERROR, RESET_PASSWORD_ERROR -> afterHandlerResolved(error);
            // A failed send is stored as SEND_RESET_PASSWORD_ERROR, another type.
            case SEND_RESET_PASSWORD -> ReportType.LINK_SENT;
            default -> null;
        });
    }

    /** Whether the user event's link was asked for by the user ("Forgot password?") rather than an administrator. */
    public static boolean requestedByUser(String eventType) {
        return SEND_RESET_PASSWORD.equals(eventType);
    }

    /**
     * Whom an admin event sent a reset link to: the user of a successful {@code execute-actions-email}, which makes a
     * LINK_SENT report.
     *
     * @param operationType the admin event's operation, e.g. {@code ACTION}
     * @param resourceType  the admin event's resource type, e.g. {@code USER}
     * @param resourcePath  the admin event's resource path, e.g. {@code users/<id>/execute-actions-email}
     * @return the user's Keycloak id, or empty for any other admin event
     */
    public static Optional<String> linkSentTo(String operationType, String resourceType, String resourcePath) {
        if (!"ACTION".equals(operationType) || !"USER".equals(resourceType) || resourcePath == null) {
            return Optional.empty();
        }
        Matcher path = EXECUTE_ACTIONS_EMAIL.matcher(resourcePath);
        return path.matches() ? Optional.of(path.group(1)) : Optional.empty();
    }

    /** Errors once Keycloak knows the link's kind (an admin's or the user's own): the policy's, or its own single-use rule. */
    private static ReportType afterHandlerResolved(String error) {
        if (PolicyErrors.LINK_EXPIRED.equals(error)) {
            return ReportType.LINK_EXPIRED;
        }
        if (PolicyErrors.LINK_SUPERSEDED.equals(error)) {
            return ReportType.LINK_SUPERSEDED;
        }
        return EXPIRED_CODE.equals(error) ? ReportType.LINK_ALREADY_USED : ReportType.LINK_INVALID;
    }

    private static boolean isPassword(Map<String, String> details) {
        return details != null && "password".equals(details.get("credential_type"));
    }
}
