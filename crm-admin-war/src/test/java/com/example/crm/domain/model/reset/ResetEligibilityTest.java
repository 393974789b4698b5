package com.example.crm.domain.model.reset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.crm.domain.model.user.CrmUser;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResetEligibilityTest {

    private static final String KEYCLOAK_ID = "0b8c2a8e-0000-4000-8000-000000000001";

    @Test
    void allowsAnActiveLinkedUserWithEmail() {
        assertTrue(ResetEligibility.check(user("ann@example.com", true, KEYCLOAK_ID)).isEmpty());
    }

    @Test
    void refusesAUserWithoutKeycloakAccountFirst() {
        assertEquals(Optional.of(ResetFailure.NOT_LINKED), ResetEligibility.check(user(null, false, null)));
    }

    @Test
    void refusesAUserWithoutEmail() {
        assertEquals(Optional.of(ResetFailure.NO_EMAIL), ResetEligibility.check(user(null, true, KEYCLOAK_ID)));
        assertEquals(Optional.of(ResetFailure.NO_EMAIL), ResetEligibility.check(user("  ", true, KEYCLOAK_ID)));
    }

    @Test
    void refusesAnInactiveUser() {
        assertEquals(Optional.of(ResetFailure.INACTIVE), ResetEligibility.check(user("ann@example.com", false, KEYCLOAK_ID)));
    }

    static CrmUser user(String email, boolean active, String keycloakId) {
        return new CrmUser("ann", "Ann", "Example", email, active, "Support agent", keycloakId);
    }
}
