package com.example.crm.interfaces.web.security;

import com.example.crm.infrastructure.keycloak.KeycloakSettings;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Ends the CRM session and Keycloak's session too (the browser goes through Keycloak's logout and back to the
 * signed-out page). POST only, and only from the CRM's own pages: another site cannot sign an admin out behind their
 * back.
 */
@WebServlet("/sign-out")
public class SignOutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient KeycloakSettings settings;

    @Inject
    transient SessionTokens tokens;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if (!fromTheCrm(request.getHeader("Origin"))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Sign-out is only accepted from the CRM's own pages");
            return;
        }
        Optional<SignedInCaller> caller = SignedInCaller.of(request);
        request.logout();
        if (request.getSession(false) != null) {
            request.getSession(false).invalidate();
        }
        String signedOutPage = settings.crmBaseUrl() + "/signed-out.xhtml";
        response.sendRedirect(caller.map(c -> tokens.signOutAt(c, signedOutPage).toString()).orElse(signedOutPage));
    }

    /** Browsers send Origin with every POST; a request without one did not come from another site's page. */
    private boolean fromTheCrm(String origin) {
        return origin == null || origin.equalsIgnoreCase(settings.crmOrigin());
    }
}
