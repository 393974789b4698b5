package com.example.crm.keycloak.policy;

/** What the policy says about a reset link when it is used. */
public enum LinkVerdict {
    /** The policy lets it through; Keycloak's own checks (signature, expiry, single use) still apply. */
    ALLOWED,
    /** Older than the realm's maximum lifespan, whatever lifespan it was issued with. */
    EXPIRED,
    /** A newer link has been sent to the same user since. */
    SUPERSEDED
}
