package com.example.crm.interfaces.web.security;

import com.example.crm.infrastructure.keycloak.KeycloakSettings;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;

/**
 * Ends the CRM session and, through the OIDC logout definition, the Keycloak session too. POST only, and only
 * from the CRM's own pages: another site cannot sign an admin out behind their back.
 */
@WebServlet("/sign-out")
public class SignOutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    KeycloakSettings settings;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if (!fromTheCrm(request.getHeader("Origin"))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Sign-out is only accepted from the CRM's own pages");
            return;
        }
        request.logout();
        if (request.getSession(false) != null) {
            request.getSession(false).invalidate();
        }
        if (!response.isCommitted()) {
            response.sendRedirect(request.getContextPath() + "/signed-out.xhtml");
        }
    }

    /** Browsers send Origin with every POST; a request without one did not come from another site's page. */
    private boolean fromTheCrm(String origin) {
        return origin == null || origin.equalsIgnoreCase(originOf(settings.crmBaseUrl()));
    }

    private static String originOf(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
