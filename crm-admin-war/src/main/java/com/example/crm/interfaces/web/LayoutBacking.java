package com.example.crm.interfaces.web;

import com.example.crm.application.SignedInAdmin;
import com.example.crm.interfaces.web.security.SignedInCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
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
    HttpServletRequest request;

    public String getCompanyName() {
        return companyName;
    }

    public boolean isSignedIn() {
        return security.getCallerPrincipal() != null;
    }

    /** The signed-in person's full name from Keycloak's ID token, or their username. */
    public String getSignedInName() {
        if (!isSignedIn()) {
            return "";
        }
        return SignedInCaller.of(request).map(SignedInCaller::displayName).orElse(security.getCallerPrincipal().getName());
    }

    public boolean isAdmin() {
        return admins.isAdmin();
    }
}
