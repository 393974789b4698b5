package com.example.crm.interfaces.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who signed in, as the HTTP session keeps it: plain data, so that a replicated session carries the sign-in to another
 * CRM instance (Soteria's own OpenID context cannot be serialized). The tokens are Keycloak's, renewed by
 * {@link SessionTokens} once {@code renewAt} has passed.
 */
public record SignedInCaller(String name, String displayName, List<String> groups, String idToken, String refreshToken,
        Instant renewAt) implements Serializable {

    /** The session attribute; present only in a session that completed sign-in (the session probe reads it too). */
    public static final String SESSION_KEY = "crm.signedIn";

    public SignedInCaller {
        groups = List.copyOf(groups);
    }

    /** The caller of this request's session, if it signed in. */
    public static Optional<SignedInCaller> of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return Optional.ofNullable(session == null ? null : (SignedInCaller) session.getAttribute(SESSION_KEY));
    }

    boolean dueForRenewal(Instant now) {
        return !now.isBefore(renewAt);
    }

    /** Never the tokens: a log line or an error page that prints the caller must not leak them. */
    @Override
    public String toString() {
        return "SignedInCaller[" + name + ", groups=" + groups + ", renewAt=" + renewAt + "]";
    }
}
