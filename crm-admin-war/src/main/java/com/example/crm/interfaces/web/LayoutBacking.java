package com.example.crm.interfaces.web;

import com.example.crm.application.SignedInAdmin;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The header: which CRM instance this is (help article, check 1) and who is signed in. */
@Named("layout")
@RequestScoped
public class LayoutBacking {

    @Inject
    @ConfigProperty(name = "crm.company-name", defaultValue = "Acme CRM")
    String companyName;

    @Inject
    SecurityContext security;

    @Inject
    SignedInAdmin admins;

    @Inject
    OpenIdContext openId;

    public String getCompanyName() {
        return companyName;
    }

    public boolean isSignedIn() {
        return security.getCallerPrincipal() != null;
    }

    /**
     * The signed-in person's full name from Keycloak, or their username. Read from the session's ID token, which has it:
     * the OpenID context's user-info claims would cost a call to Keycloak's userinfo endpoint per session.
     */
    public String getSignedInName() {
        if (!isSignedIn()) {
            return "";
        }
        try {
            return openId.getIdentityToken().getJwtClaims().getStringClaim("name").filter(n -> !n.isBlank())
                    .orElse(security.getCallerPrincipal().getName());
        } catch (RuntimeException noOpenIdContext) {
            return security.getCallerPrincipal().getName();
        }
    }

    public boolean isAdmin() {
        return admins.isAdmin();
    }
}
