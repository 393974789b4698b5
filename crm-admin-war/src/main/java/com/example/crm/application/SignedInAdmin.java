package com.example.crm.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;

/**
 * Who is signed in, and whether they may manage users: the one place that knows the {@value #ROLE} role.
 * The pages are guarded by web.xml too (which must name the same role); the use cases ask here, so they stay safe
 * whatever calls them.
 */
@ApplicationScoped
public class SignedInAdmin {

    /** The Keycloak realm role that User Management needs. */
    public static final String ROLE = "crm-admin";

    @Inject
    SecurityContext security;

    /** Whether the signed-in person may manage users. */
    public boolean isAdmin() {
        return security.getCallerPrincipal() != null && security.isCallerInRole(ROLE);
    }

    /** The signed-in admin's username; a SecurityException for anyone else. */
    public String require() {
        if (!isAdmin()) {
            throw new SecurityException("Managing users needs the " + ROLE + " role");
        }
        return security.getCallerPrincipal().getName();
    }
}
