package com.example.crm.interfaces.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.security.auth.message.callback.GroupPrincipalCallback;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.UnsupportedCallbackException;

/**
 * The OpenID Connect sign-in of {@link SecurityConfiguration}, which also hands the caller's groups to the container on
 * every request of a signed-in session.
 * <p>
 * Why: on such a request the OpenID mechanism names only the caller, and Payara finds the session's groups through one
 * static security context that every request thread writes and clears. With two or more sessions at work, a request
 * now and then finds another session's principal or none there, loses its groups and gets 403 on crm-admin pages
 * (payara/Payara#6145, fixed by payara/Payara#7928 in no Payara 6 release on Maven Central yet). The groups here come
 * from this session's own tokens, so no other request can take them away. web.xml selects this mechanism.
 */
@ApplicationScoped
@Typed(RolesOnEveryRequestMechanism.class) // not an HttpAuthenticationMechanism for injection: that stays the OpenID one
public class RolesOnEveryRequestMechanism implements HttpAuthenticationMechanism {

    @Inject
    HttpAuthenticationMechanism openId;

    @Inject
    OpenIdContext session;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        boolean signedIn = request.getUserPrincipal() != null;
        AuthenticationStatus status = openId.validateRequest(request, response, context);
        if (signedIn && status == AuthenticationStatus.SUCCESS) {
            List<String> groups = sessionGroups();
            if (!groups.isEmpty()) {
                handle(context, new GroupPrincipalCallback(context.getClientSubject(), groups.toArray(String[]::new)));
            }
        }
        return status;
    }

    @Override
    public AuthenticationStatus secureResponse(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        return openId.secureResponse(request, response, context);
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        openId.cleanSubject(request, response, context);
    }

    /** The groups claim where the identity store reads it at sign-in: access token, then ID token, then user info. */
    private List<String> sessionGroups() {
        List<String> groups = session.getAccessToken().getJwtClaims().getArrayStringClaim(SecurityConfiguration.GROUPS_CLAIM);
        if (groups.isEmpty()) {
            groups = session.getIdentityToken().getJwtClaims().getArrayStringClaim(SecurityConfiguration.GROUPS_CLAIM);
        }
        if (groups.isEmpty()) {
            groups = session.getClaims().getArrayStringClaim(SecurityConfiguration.GROUPS_CLAIM);
        }
        return groups;
    }

    private static void handle(HttpMessageContext context, Callback callback) throws AuthenticationException {
        try {
            context.getHandler().handle(new Callback[] {callback});
        } catch (IOException | UnsupportedCallbackException e) {
            throw new AuthenticationException("Could not hand the caller's groups to the container", e);
        }
    }
}
