package com.example.crm.infrastructure.config;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start the CRM with a secret anyone could know: the dev stack's own, or one shorter than 32 bytes.
 * A development machine says so with {@code crm.dev-mode=true} (the dev stack and the tests do).
 */
@Startup
@Singleton
public class SecretsCheck {

    static final int MIN_BYTES = 32;
    /** The values server-config/stack.sh uses; they are in the repository, so they protect nothing. */
    static final Set<String> DEV_SECRETS = Set.of("dev-only-crm-client-secret", "dev-only-crm-report-secret");

    @Inject
    @ConfigProperty(name = "crm.dev-mode", defaultValue = "false")
    boolean devMode;

    @Inject
    @ConfigProperty(name = "crm.keycloak.client-secret")
    Optional<String> clientSecret;

    @Inject
    @ConfigProperty(name = "crm.keycloak.report-secret")
    Optional<String> reportSecret;

    @PostConstruct
    void check() {
        Map<String, Optional<String>> secrets = new LinkedHashMap<>();
        secrets.put("crm.keycloak.client-secret", clientSecret);
        secrets.put("crm.keycloak.report-secret", reportSecret);
        List<String> problems = problems(devMode, secrets);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The CRM does not start with these secrets: " + String.join(" ", problems)
                    + " Set secrets of your own (e.g. from `openssl rand -hex 32`), or crm.dev-mode=true"
                    + " (CRM_DEV_MODE=true) on a development machine.");
        }
    }

    /** What is wrong with each secret that is set (missing ones are reported where they are needed). */
    static List<String> problems(boolean devMode, Map<String, Optional<String>> secrets) {
        List<String> problems = new ArrayList<>();
        if (devMode) {
            return problems;
        }
        secrets.forEach((name, value) -> value.ifPresent(secret -> {
            if (DEV_SECRETS.contains(secret)) {
                problems.add(name + " is the dev stack's value, which is public.");
            } else if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_BYTES) {
                problems.add(name + " is shorter than " + MIN_BYTES + " bytes.");
            }
        }));
        return problems;
    }
}
