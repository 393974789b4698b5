package com.example.crm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeycloakEventMappingTest {

    @Test
    void aPasswordSetIsReportedOnce() {
        assertEquals(Optional.of(ReportType.PASSWORD_CHANGED),
                KeycloakEventMapping.reportTypeOf("UPDATE_CREDENTIAL", null, Map.of("credential_type", "password")));
        assertTrue(KeycloakEventMapping.reportTypeOf("UPDATE_PASSWORD", null, Map.of()).isEmpty(), "the deprecated twin");
        assertTrue(KeycloakEventMapping.reportTypeOf("UPDATE_CREDENTIAL", null, Map.of("credential_type", "otp")).isEmpty());
        assertTrue(KeycloakEventMapping.reportTypeOf("UPDATE_CREDENTIAL", null, null).isEmpty());
    }

    @Test
    void expiredCodeMeansTooOldBeforeTheHandlerAndAlreadyUsedAfter() {
        assertEquals(Optional.of(ReportType.LINK_EXPIRED), KeycloakEventMapping.reportTypeOf("EXECUTE_ACTION_TOKEN_ERROR", "expired_code", null));
        assertEquals(Optional.of(ReportType.LINK_ALREADY_USED), KeycloakEventMapping.reportTypeOf("EXECUTE_ACTIONS_ERROR", "expired_code", null));
        assertEquals(Optional.of(ReportType.LINK_INVALID), KeycloakEventMapping.reportTypeOf("EXECUTE_ACTION_TOKEN_ERROR", "invalid_code", null));
        assertEquals(Optional.of(ReportType.LINK_INVALID), KeycloakEventMapping.reportTypeOf("EXECUTE_ACTIONS_ERROR", "user_disabled", null));
    }

    @Test
    void thePolicysRefusalsHaveTheirOwnTypes() {
        assertEquals(Optional.of(ReportType.LINK_EXPIRED), KeycloakEventMapping.reportTypeOf("EXECUTE_ACTIONS_ERROR", "crm_link_expired", null));
        assertEquals(Optional.of(ReportType.LINK_SUPERSEDED), KeycloakEventMapping.reportTypeOf("EXECUTE_ACTIONS_ERROR", "crm_link_superseded", null));
    }

    @Test
    void forgotPasswordLinksAreReportedAsTheUsersOwn() {
        assertEquals(Optional.of(ReportType.LINK_SENT), KeycloakEventMapping.reportTypeOf("SEND_RESET_PASSWORD", null, Map.of()));
        assertTrue(KeycloakEventMapping.requestedByUser("SEND_RESET_PASSWORD"));
        assertTrue(!KeycloakEventMapping.requestedByUser("EXECUTE_ACTIONS_ERROR"));
        assertTrue(KeycloakEventMapping.reportTypeOf("SEND_RESET_PASSWORD_ERROR", "email_send_failed", null).isEmpty(), "nothing sent");
        assertEquals(Optional.of(ReportType.LINK_SUPERSEDED), KeycloakEventMapping.reportTypeOf("RESET_PASSWORD_ERROR", "crm_link_superseded", null));
        assertEquals(Optional.of(ReportType.LINK_EXPIRED), KeycloakEventMapping.reportTypeOf("RESET_PASSWORD_ERROR", "crm_link_expired", null));
        assertEquals(Optional.of(ReportType.LINK_ALREADY_USED), KeycloakEventMapping.reportTypeOf("RESET_PASSWORD_ERROR", "expired_code", null));
    }

    @Test
    void otherEventsAreNotReported() {
        assertTrue(KeycloakEventMapping.reportTypeOf("LOGIN", null, Map.of()).isEmpty());
        assertTrue(KeycloakEventMapping.reportTypeOf(null, null, null).isEmpty());
        for (String type : KeycloakEventMapping.USER_EVENT_TYPES) {
            assertTrue(KeycloakEventMapping.reportTypeOf(type, "expired_code", Map.of("credential_type", "password")).isPresent(), type);
        }
    }

    @Test
    void executeActionsEmailSendsALink() {
        assertEquals(Optional.of("user-7"), KeycloakEventMapping.linkSentTo("ACTION", "USER", "users/user-7/execute-actions-email"));
        assertTrue(KeycloakEventMapping.linkSentTo("UPDATE", "USER", "users/user-7").isEmpty());
        assertTrue(KeycloakEventMapping.linkSentTo("ACTION", "USER", "users/user-7/reset-password-email").isEmpty());
        assertTrue(KeycloakEventMapping.linkSentTo("ACTION", "CLIENT", "users/user-7/execute-actions-email").isEmpty());
        assertTrue(KeycloakEventMapping.linkSentTo("ACTION", "USER", null).isEmpty());
    }
}
