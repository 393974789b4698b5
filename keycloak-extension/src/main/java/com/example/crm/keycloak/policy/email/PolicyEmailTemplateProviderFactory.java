package com.example.crm.keycloak.policy.email;

import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.email.freemarker.FreeMarkerEmailTemplateProviderFactory;
import org.keycloak.models.KeycloakSession;

/** Makes {@link PolicyEmailTemplateProvider} Keycloak's email template provider (a higher order than the built-in one). */
public class PolicyEmailTemplateProviderFactory extends FreeMarkerEmailTemplateProviderFactory {

    public static final String PROVIDER_ID = "crm-reset-policy";

    @Override
    public EmailTemplateProvider create(KeycloakSession session) {
        return new PolicyEmailTemplateProvider(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public int order() {
        return 10;
    }
}
