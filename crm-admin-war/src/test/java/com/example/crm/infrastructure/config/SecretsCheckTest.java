package com.example.crm.infrastructure.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretsCheckTest {

    private static final String STRONG = "3f1c9a7e0b5d4c2a8e6f1b3d5a7c9e0f2b4d6a8c";

    @Test
    void refusesTheDevStacksSecretsAndShortOnesNamingEach() {
        List<String> problems = SecretsCheck.problems(false, secrets("dev-only-crm-client-secret", "short-but-mine"));
        assertEquals(List.of("crm.keycloak.client-secret is the dev stack's value, which is public.",
                "crm.keycloak.report-secret is shorter than 32 bytes."), problems);
    }

    @Test
    void acceptsLongSecretsOfYourOwnAndLeavesMissingOnesToWhereTheyAreNeeded() {
        assertTrue(SecretsCheck.problems(false, secrets(STRONG, STRONG + "x")).isEmpty());
        Map<String, Optional<String>> missing = new LinkedHashMap<>();
        missing.put("crm.keycloak.client-secret", Optional.empty());
        assertTrue(SecretsCheck.problems(false, missing).isEmpty());
    }

    @Test
    void aDevelopmentMachineMayUseTheDevSecrets() {
        assertTrue(SecretsCheck.problems(true, secrets("dev-only-crm-client-secret", "dev-only-crm-report-secret")).isEmpty());
    }

    private static Map<String, Optional<String>> secrets(String client, String report) {
        Map<String, Optional<String>> secrets = new LinkedHashMap<>();
        secrets.put("crm.keycloak.client-secret", Optional.of(client));
        secrets.put("crm.keycloak.report-secret", Optional.of(report));
        return secrets;
    }
}
