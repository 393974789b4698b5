package com.example.crm.application;

import com.example.crm.domain.model.reset.LockOut;
import com.example.crm.domain.model.reset.ResetFailure;

/**
 * What came of one "Lock out and send reset link": the link's own outcome, and, only when the link was sent, how far
 * the lock-out got ({@code lockOut}) and why it stopped short ({@code failure}, with Keycloak's words in {@code detail}).
 */
public record LockOutAttempt(ResetAttempt link, LockOut lockOut, ResetFailure failure, String detail) {

    /** No link was sent, so nothing was revoked: the user's password and sessions work as before. */
    static LockOutAttempt notSent(ResetAttempt link) {
        return new LockOutAttempt(link, null, null, null);
    }
}
