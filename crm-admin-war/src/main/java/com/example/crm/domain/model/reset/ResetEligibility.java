package com.example.crm.domain.model.reset;

import com.example.crm.domain.model.user.CrmUser;
import java.util.Optional;

/** The CRM's own checks before it asks Keycloak for a reset link. */
public final class ResetEligibility {

    private ResetEligibility() {
    }

    /** The first reason the user cannot get a link, or empty when Keycloak may be asked. */
    public static Optional<ResetFailure> check(CrmUser user) {
        if (!user.isLinked()) {
            return Optional.of(ResetFailure.NOT_LINKED);
        }
        if (!user.hasEmail()) {
            return Optional.of(ResetFailure.NO_EMAIL);
        }
        if (!user.isActive()) {
            return Optional.of(ResetFailure.INACTIVE);
        }
        return Optional.empty();
    }
}
