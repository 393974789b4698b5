package com.example.crm.keycloak.reporter;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;

import com.example.crm.keycloak.policy.token.PolicyExecuteActionsHandler;

/** Which of Keycloak's events the CRM hears about, and as what. */
final class ReportMapper {

    private static final Pattern EXECUTE_ACTIONS_EMAIL = Pattern.compile("^users/([^/]+)/execute-actions-email$");
    static final String EXPIRED_CODE = "expired_code";

    private ReportMapper() {
    }

    static Optional<ResetReport> from(Event event) {
        if (event.getUserId() == null) {
            return Optional.empty(); // a link so broken that Keycloak cannot tell whose it was
        }
        ReportType type = switch (event.getType()) {
            // Keycloak fires UPDATE_CREDENTIAL and the deprecated UPDATE_PASSWORD for one change: report one.
            case UPDATE_CREDENTIAL -> isPassword(event) ? ReportType.PASSWORD_CHANGED : null;
            case EXECUTE_ACTION_TOKEN_ERROR -> EXPIRED_CODE.equals(event.getError()) ? ReportType.LINK_EXPIRED : ReportType.LINK_INVALID;
            case EXECUTE_ACTIONS_ERROR -> afterHandlerResolved(event.getError());
            default -> null;
        };
        if (type == null) {
            return Optional.empty();
        }
        return Optional.of(ResetReport.of(event.getId(), type, event.getRealmName(), event.getUserId(),
                Instant.ofEpochMilli(event.getTime()), type.isError() ? event.getError() : null));
    }

    static Optional<ResetReport> from(AdminEvent event) {
        if (event.getOperationType() != OperationType.ACTION || event.getResourceType() != ResourceType.USER
                || event.getResourcePath() == null) {
            return Optional.empty();
        }
        Matcher path = EXECUTE_ACTIONS_EMAIL.matcher(event.getResourcePath());
        if (!path.matches()) {
            return Optional.empty();
        }
        return Optional.of(ResetReport.of(event.getId(), ReportType.LINK_SENT, event.getRealmName(), path.group(1),
                Instant.ofEpochMilli(event.getTime()), null));
    }

    /** Errors once Keycloak knows the link is an execute-actions link: the policy's, or its own single-use rule. */
    private static ReportType afterHandlerResolved(String error) {
        if (PolicyExecuteActionsHandler.ERROR_EXPIRED.equals(error)) {
            return ReportType.LINK_EXPIRED;
        }
        if (PolicyExecuteActionsHandler.ERROR_SUPERSEDED.equals(error)) {
            return ReportType.LINK_SUPERSEDED;
        }
        return EXPIRED_CODE.equals(error) ? ReportType.LINK_ALREADY_USED : ReportType.LINK_INVALID;
    }

    private static boolean isPassword(Event event) {
        return event.getType() == EventType.UPDATE_CREDENTIAL && event.getDetails() != null
                && "password".equals(event.getDetails().get("credential_type"));
    }
}
