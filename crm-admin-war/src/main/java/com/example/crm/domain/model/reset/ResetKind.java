package com.example.crm.domain.model.reset;

/**
 * What was asked for: a reset link or a lock-out (the link, then the old password and every session revoked) by an
 * admin, or a link the user asked for themselves ("Forgot password?" on Keycloak's sign-in page).
 */
public enum ResetKind {
    LINK,
    LOCK_OUT,
    SELF_SERVICE
}
