package com.example.crm.report;

/**
 * The event errors of the extension's reset link policy, when it refuses a link. They tell the policy's refusals
 * apart from Keycloak's own, in the reporter and in the events the CRM reads back from Keycloak.
 */
public final class PolicyErrors {

    /** The link was used after the realm's maximum lifespan. */
    public static final String LINK_EXPIRED = "crm_link_expired";
    /** A newer link was sent to the user, and only the newest works. */
    public static final String LINK_SUPERSEDED = "crm_link_superseded";

    private PolicyErrors() {
    }
}
