package com.example.crm.interfaces.web.security;

import jakarta.enterprise.context.SessionScoped;
import jakarta.enterprise.context.spi.AlterableContext;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Keycloak returns here after sign-in; the OpenID mechanism has done its work by now. Gives the session a new id,
 * records the caller in it ({@link SignedInCaller}, which {@link SessionSignInMechanism} reads from now on) and goes
 * to the start page.
 */
@WebServlet("/Callback")
public class CallbackServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient OpenIdContext openId;

    @Inject
    transient SessionTokens tokens;

    @Inject
    transient BeanManager beans;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getUserPrincipal() == null) {
            response.sendRedirect(request.getContextPath() + "/"); // not a completed sign-in: start one
            return;
        }
        SignedInCaller caller = tokens.signedIn(request.getUserPrincipal().getName(), openId);
        request.getSession();
        request.changeSessionId(); // a session id seen before sign-in (session fixation) is worth nothing after it
        request.getSession().setAttribute(SignedInCaller.SESSION_KEY, caller);
        forgetOpenIdContext();
        response.sendRedirect(request.getContextPath() + "/");
    }

    /** Its tokens now live in the caller's record; the context itself would stop the session from being replicated. */
    private void forgetOpenIdContext() {
        ((AlterableContext) beans.getContext(SessionScoped.class)).destroy(beans.resolve(beans.getBeans(OpenIdContext.class)));
    }
}
