package com.example.crm.interfaces.web.security;

import com.example.crm.application.SignedInAdmin;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.ClaimsDefinition;

/**
 * Admin pages sign in with OpenID Connect (authorization code flow) against Keycloak's realm.
 * Keycloak puts the realm roles in the "groups" claim; web.xml turns them into the roles its constraints name.
 * Requests reach it through {@link SessionSignInMechanism}, which keeps the sign-in from then on; {@link SignOutServlet}
 * ends Keycloak's session too.
 */
@OpenIdAuthenticationMechanismDefinition(
        providerURI = "${oidcConfig.providerUri}",
        clientId = "${oidcConfig.clientId}",
        clientSecret = "${oidcConfig.clientSecret}",
        redirectURI = "${oidcConfig.redirectUri}",
        // true breaks Faces pages after the callback (Soteria bug); /Callback redirects on instead.
        redirectToOriginalResource = false,
        // Keycloak's keys, read at sign-in: 500 ms by default, which a busy Keycloak can miss (the sign-in then fails).
        jwksConnectTimeout = 3000,
        jwksReadTimeout = 10_000,
        claimsDefinition = @ClaimsDefinition(callerGroupsClaim = SecurityConfiguration.GROUPS_CLAIM))
@DeclareRoles({SignedInAdmin.ROLE})
@ApplicationScoped
public class SecurityConfiguration {

    /** The token claim that carries the caller's realm roles (a protocol mapper of the realm's `crm` client). */
    public static final String GROUPS_CLAIM = "groups";
}
