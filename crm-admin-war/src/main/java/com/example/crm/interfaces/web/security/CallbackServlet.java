package com.example.crm.interfaces.web.security;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Keycloak returns here after sign-in; the security mechanism has done its work by now. Gives the session a new
 * id, marks it as signed in (the session probe reads the mark) and goes to the start page.
 */
@WebServlet("/Callback")
public class CallbackServlet extends HttpServlet {

    /** Present only in a session that completed sign-in; a session made while redirecting to Keycloak lacks it. */
    public static final String SIGNED_IN = "crm.signedIn";

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.getSession();
        request.changeSessionId(); // a session id seen before sign-in (session fixation) is worth nothing after it
        request.getSession().setAttribute(SIGNED_IN, Boolean.TRUE);
        response.sendRedirect(request.getContextPath() + "/");
    }
}
