package com.example.crm.infrastructure.keycloak;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where Keycloak is and how the CRM signs in to it, from MicroProfile Config. */
@ApplicationScoped
public class KeycloakSettings {

    @Inject
    @ConfigProperty(name = "crm.keycloak.server-url")
    String serverUrl;

    @Inject
    @ConfigProperty(name = "crm.keycloak.realm", defaultValue = "crm")
    String realm;

    @Inject
    @ConfigProperty(name = "crm.keycloak.client-id", defaultValue = "crm")
    String clientId;

    @Inject
    @ConfigProperty(name = "crm.keycloak.client-secret")
    String clientSecret;

    @Inject
    @ConfigProperty(name = "crm.keycloak.connect-timeout-ms", defaultValue = "3000")
    long connectTimeoutMillis;

    // Keycloak sends the email before it answers, and its own SMTP timeout is about 10 s.
    @Inject
    @ConfigProperty(name = "crm.keycloak.read-timeout-ms", defaultValue = "20000")
    long readTimeoutMillis;

    @Inject
    @ConfigProperty(name = "crm.base-url")
    String crmBaseUrl;

    // Where the CRM itself calls Keycloak's admin API, when that differs from the browsers' address (an internal
    // address in production; a fault-injecting proxy in the system tests).
    @Inject
    @ConfigProperty(name = "crm.keycloak.admin-url")
    Optional<String> adminUrl;

    public String serverUrl() {
        return serverUrl.replaceAll("/+$", "");
    }

    /** Where the CRM calls Keycloak's admin API: {@code crm.keycloak.admin-url}, or the server URL. */
    public String adminUrl() {
        return adminUrl.map(url -> url.replaceAll("/+$", "")).filter(url -> !url.isBlank()).orElse(serverUrl());
    }

    public String realm() {
        return realm;
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    public long connectTimeoutMillis() {
        return connectTimeoutMillis;
    }

    public long readTimeoutMillis() {
        return readTimeoutMillis;
    }

    /** Where the user lands after setting the password: the CRM's sign-in. */
    public String crmBaseUrl() {
        return crmBaseUrl.replaceAll("/+$", "");
    }

    /** The CRM's origin (scheme, host and port), as browsers send it in Origin headers. */
    public String crmOrigin() {
        java.net.URI uri = java.net.URI.create(crmBaseUrl());
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    public String issuerUri() {
        return serverUrl() + "/realms/" + realm;
    }
}
