package com.example.crm.interfaces.web.security;

import com.example.crm.infrastructure.keycloak.KeycloakSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The values the OpenID Connect definition reads through EL: Keycloak's realm and the CRM's client. */
@Named("oidcConfig")
@ApplicationScoped
public class OidcConfig {

    @Inject
    KeycloakSettings keycloak;

    public String getProviderUri() {
        return keycloak.issuerUri();
    }

    public String getClientId() {
        return keycloak.clientId();
    }

    public String getClientSecret() {
        return keycloak.clientSecret();
    }

    public String getRedirectUri() {
        return keycloak.crmBaseUrl() + "/Callback";
    }
}
