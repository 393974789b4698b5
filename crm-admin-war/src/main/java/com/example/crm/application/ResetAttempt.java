package com.example.crm.application;

import com.example.crm.domain.model.reset.ResetFailure;
import java.time.Instant;

/** What came of one click on "Send Reset Link". */
public sealed interface ResetAttempt {

    /** The email is on its way; the link works until {@code expiresAt}. */
    record Sent(String userName, Instant expiresAt) implements ResetAttempt {
    }

    /** Not sent: the CRM's own checks turned the user away (not linked, no email, inactive), Keycloak was not asked. */
    record Refused(String userName, ResetFailure failure) implements ResetAttempt {
    }

    /** Sending was tried and failed. {@code detail} is Keycloak's own message, when there is one. */
    record Failed(String userName, ResetFailure failure, String detail) implements ResetAttempt {
    }

    /** Not sent: the user already had {@code limit} links in the last hour; another may be sent from {@code retryAt}. */
    record RateLimited(String userName, int limit, Instant retryAt) implements ResetAttempt {
    }

    /** A request for this user was made moments ago (a double click): no second email was sent. */
    record AlreadyRequested(String userName, Instant requestedAt) implements ResetAttempt {
    }
}
