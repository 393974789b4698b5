package com.example.crm.interfaces.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashSet;
import java.util.Optional;

/**
 * Signs a request in from its session's {@link SignedInCaller}, the caller's name and groups together; a request of a
 * session without one goes through the OpenID Connect sign-in of {@link SecurityConfiguration} (to Keycloak and back
 * to {@link CallbackServlet}, which records the caller). web.xml selects this mechanism.
 * <p>
 * Why not Soteria's mechanism on every request: (1) its session state cannot be serialized, so a replicated session
 * would lose the sign-in on another instance; (2) on such a request it names only the caller, and Payara finds the
 * groups through one static security context that every request thread writes and clears, so with two or more
 * sessions at work a request now and then lost its groups and got 403 (payara/Payara#6145).
 */
@ApplicationScoped
@Typed(SessionSignInMechanism.class) // not an HttpAuthenticationMechanism for injection: that stays the OpenID one
public class SessionSignInMechanism implements HttpAuthenticationMechanism {

    @Inject
    HttpAuthenticationMechanism openId;

    @Inject
    SessionTokens tokens;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        Optional<SignedInCaller> signedIn = SignedInCaller.of(request);
        if (signedIn.isPresent()) {
            Optional<SignedInCaller> current = tokens.current(signedIn.get());
            if (current.isPresent()) {
                if (current.get() != signedIn.get()) {
                    request.getSession().setAttribute(SignedInCaller.SESSION_KEY, current.get());
                }
                return context.notifyContainerAboutLogin(current.get().name(), new HashSet<>(current.get().groups()));
            }
            request.getSession().removeAttribute(SignedInCaller.SESSION_KEY); // Keycloak ended it: sign in again
        }
        if (request.getRequestURI().startsWith(request.getContextPath() + "/push/")) {
            // A page's socket reconnecting must not start a sign-in of its own: that would spoil the page's.
            return context.isProtected() ? context.responseUnauthorized() : context.doNothing();
        }
        return openId.validateRequest(request, response, context);
    }

    @Override
    public AuthenticationStatus secureResponse(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        return openId.secureResponse(request, response, context);
    }

    /** Sign-out forgets the caller; SignOutServlet ends the session and Keycloak's (Soteria's own would redirect). */
    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        context.cleanClientSubject();
    }
}
