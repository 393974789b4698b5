package com.example.crm.domain.model.bulk;

/** Why a bulk run skipped a user, when it is not one of the CRM's eligibility checks. */
public enum SkipReason {
    /** Inactive, no email, or no Keycloak account: the item's failure says which. */
    NOT_ELIGIBLE,
    /** The user already had as many links as the hourly limit allows. */
    RATE_LIMITED,
    /** A link for the user was requested moments before. */
    ALREADY_REQUESTED
}
