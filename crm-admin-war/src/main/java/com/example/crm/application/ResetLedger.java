package com.example.crm.application;

import com.example.crm.domain.model.reset.ResetEligibility;
import com.example.crm.domain.model.reset.ResetFailure;
import com.example.crm.domain.model.reset.ResetRequest;
import com.example.crm.domain.model.reset.ResetRequests;
import com.example.crm.domain.model.user.CrmUser;
import com.example.crm.domain.model.user.CrmUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The database side of a reset: each method is its own short transaction, so that no transaction stays
 * open while Keycloak sends the email.
 */
@ApplicationScoped
public class ResetLedger {

    @Inject
    CrmUsers users;

    @Inject
    ResetRequests requests;

    @Inject
    Clock clock;

    /** What {@link #open} decided: call Keycloak for {@code request}, or answer {@code attempt} at once. */
    public record Opening(Long requestId, String keycloakId, ResetAttempt attempt) {
        boolean callsIdentityProvider() {
            return attempt == null;
        }
    }

    /**
     * Locks the user's row (so two admins clicking at once are serialised), turns away a repeated click,
     * applies the CRM's own checks, and records the attempt.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Opening open(long crmUserId, String admin, Duration lifespan) {
        CrmUser user = users.lock(crmUserId).orElseThrow(() -> new UnknownUserException(crmUserId));
        var now = clock.instant();
        Optional<ResetRequest> latest = requests.latestFor(crmUserId);
        if (latest.isPresent() && latest.get().coversClickAt(now)) {
            return new Opening(null, null, new ResetAttempt.AlreadyRequested(user.getFullName(), latest.get().getRequestedAt()));
        }
        Optional<ResetFailure> refusal = ResetEligibility.check(user);
        if (refusal.isPresent()) {
            requests.add(ResetRequest.refused(user, admin, now, lifespan, refusal.get()));
            return new Opening(null, null, new ResetAttempt.Failed(user.getFullName(), refusal.get(), null));
        }
        ResetRequest request = ResetRequest.requested(user, admin, now, lifespan);
        requests.add(request);
        return new Opening(request.getId(), user.getKeycloakId(), null);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ResetAttempt markSent(long requestId) {
        ResetRequest request = requests.find(requestId).orElseThrow();
        request.markSent(clock.instant());
        CrmUser user = request.getUser();
        return new ResetAttempt.Sent(user.getFullName(), request.getExpiresAt());
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ResetAttempt markFailed(long requestId, ResetFailure failure, String providerMessage) {
        ResetRequest request = requests.find(requestId).orElseThrow();
        request.markFailed(failure, providerMessage, clock.instant());
        return new ResetAttempt.Failed(request.getUser().getFullName(), failure, providerMessage);
    }
}
