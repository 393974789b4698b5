package com.example.crm.keycloak.reporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;

import com.example.crm.report.ReportType;
import com.example.crm.report.ResetReport;

class ReportMapperTest {

    @Test
    void passwordUpdateIsReportedOnceAsPasswordChanged() {
        ResetReport report = ReportMapper.from(event(EventType.UPDATE_CREDENTIAL, null, Map.of("credential_type", "password"))).orElseThrow();
        assertEquals(ReportType.PASSWORD_CHANGED, report.type());
        assertEquals("user-1", report.keycloakUserId());
        assertNull(report.error());
        assertTrue(ReportMapper.from(event(EventType.UPDATE_PASSWORD, null, Map.of())).isEmpty(), "the deprecated twin is not reported again");
        assertTrue(ReportMapper.from(event(EventType.UPDATE_CREDENTIAL, null, Map.of("credential_type", "otp"))).isEmpty());
    }

    @Test
    void expiredLinkIsLinkExpiredAndOtherLinkErrorsAreLinkInvalid() {
        assertEquals(ReportType.LINK_EXPIRED,
                ReportMapper.from(event(EventType.EXECUTE_ACTION_TOKEN_ERROR, "expired_code", Map.of())).orElseThrow().type());
        ResetReport invalid = ReportMapper.from(event(EventType.EXECUTE_ACTION_TOKEN_ERROR, "invalid_code", Map.of())).orElseThrow();
        assertEquals(ReportType.LINK_INVALID, invalid.type());
        assertEquals("invalid_code", invalid.error());
        assertEquals(ReportType.LINK_INVALID,
                ReportMapper.from(event(EventType.EXECUTE_ACTIONS_ERROR, "user_disabled", Map.of())).orElseThrow().type());
    }

    @Test
    void policyRejectionsAndReuseHaveTheirOwnTypes() {
        assertEquals(ReportType.LINK_EXPIRED,
                ReportMapper.from(event(EventType.EXECUTE_ACTIONS_ERROR, "crm_link_expired", Map.of())).orElseThrow().type());
        assertEquals(ReportType.LINK_SUPERSEDED,
                ReportMapper.from(event(EventType.EXECUTE_ACTIONS_ERROR, "crm_link_superseded", Map.of())).orElseThrow().type());
        // Keycloak's single-use check says expired_code once it knows the link, unlike the expiry check before it.
        assertEquals(ReportType.LINK_ALREADY_USED,
                ReportMapper.from(event(EventType.EXECUTE_ACTIONS_ERROR, "expired_code", Map.of())).orElseThrow().type());
    }

    @Test
    void aForgotPasswordEmailIsALinkTheUserAskedFor() {
        ResetReport own = ReportMapper.from(event(EventType.SEND_RESET_PASSWORD, null, Map.of("email", "a@example.com"))).orElseThrow();
        assertEquals(ReportType.LINK_SENT, own.type());
        assertTrue(own.requestedByUser());
        assertEquals(ReportType.LINK_SUPERSEDED,
                ReportMapper.from(event(EventType.RESET_PASSWORD_ERROR, "crm_link_superseded", Map.of())).orElseThrow().type());
        assertTrue(!ReportMapper.from(adminEvent(OperationType.ACTION, "users/user-7/execute-actions-email")).orElseThrow().requestedByUser(),
                "an administrator's link");
    }

    @Test
    void eventsOfNoUserOrOfNoInterestAreNotReported() {
        Event anonymous = event(EventType.EXECUTE_ACTION_TOKEN_ERROR, "invalid_code", Map.of());
        anonymous.setUserId(null);
        assertTrue(ReportMapper.from(anonymous).isEmpty());
        assertTrue(ReportMapper.from(event(EventType.LOGIN, null, Map.of())).isEmpty());
    }

    @Test
    void executeActionsEmailAdminEventIsLinkSent() {
        AdminEvent sent = adminEvent(OperationType.ACTION, "users/user-7/execute-actions-email");
        ResetReport report = ReportMapper.from(sent).orElseThrow();
        assertEquals(ReportType.LINK_SENT, report.type());
        assertEquals("user-7", report.keycloakUserId());
        assertEquals("admin-event-1", report.id());
        assertTrue(ReportMapper.from(adminEvent(OperationType.UPDATE, "users/user-7")).isEmpty());
        assertTrue(ReportMapper.from(adminEvent(OperationType.ACTION, "users/user-7/reset-password-email")).isEmpty());
    }

    private static Event event(EventType type, String error, Map<String, String> details) {
        Event event = new Event();
        event.setId("event-1");
        event.setType(type);
        event.setRealmName("crm");
        event.setUserId("user-1");
        event.setTime(1_795_780_000_000L);
        event.setError(error);
        event.setDetails(details);
        return event;
    }

    private static AdminEvent adminEvent(OperationType operation, String path) {
        AdminEvent event = new AdminEvent();
        event.setId("admin-event-1");
        event.setOperationType(operation);
        event.setResourceType(ResourceType.USER);
        event.setResourcePath(path);
        event.setRealmName("crm");
        event.setTime(1_795_780_000_000L);
        return event;
    }
}
