package com.example.crm.interfaces.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.ClaimsDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.LogoutDefinition;

/**
 * Admin pages sign in with OpenID Connect (authorization code flow) against Keycloak's realm.
 * Keycloak puts the realm roles in the "groups" claim; web.xml turns them into the roles its constraints name.
 */
@OpenIdAuthenticationMechanismDefinition(
        providerURI = "${oidcConfig.providerUri}",
        clientId = "${oidcConfig.clientId}",
        clientSecret = "${oidcConfig.clientSecret}",
        redirectURI = "${oidcConfig.redirectUri}",
        // true breaks Faces pages after the callback (Soteria bug); /Callback redirects on instead.
        redirectToOriginalResource = false,
        tokenAutoRefreshExpression = "true",
        claimsDefinition = @ClaimsDefinition(callerGroupsClaim = "groups"),
        logout = @LogoutDefinition(notifyProvider = true, redirectURI = "${oidcConfig.signedOutUri}"))
@DeclareRoles({"crm-admin"})
@ApplicationScoped
public class SecurityConfiguration {
}
