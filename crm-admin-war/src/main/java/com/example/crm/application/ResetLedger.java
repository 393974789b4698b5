package com.example.crm.application;

import com.example.crm.domain.model.reset.LockOut;
import com.example.crm.domain.model.reset.ResetEligibility;
import com.example.crm.domain.model.reset.ResetFailure;
import com.example.crm.domain.model.reset.ResetKind;
import com.example.crm.domain.model.reset.ResetRequest;
import com.example.crm.domain.model.reset.ResetRequests;
import com.example.crm.domain.model.reset.ResetStatus;
import com.example.crm.domain.model.user.CrmUser;
import com.example.crm.domain.model.user.CrmUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

    @Inject
    ResetSettings settings;

    /** What {@link #open} decided: call Keycloak for {@code request}, or answer {@code attempt} at once. */
    public record Opening(Long requestId, String keycloakId, String userName, ResetAttempt attempt) {
        boolean callsKeycloakAccounts() {
            return attempt == null;
        }
    }

    /**
     * Locks the user's row (so two admins clicking at once are serialised), turns away a repeated click,
     * applies the CRM's own checks, and records the attempt.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Opening open(long crmUserId, String admin, Duration lifespan) {
        return open(crmUserId, admin, lifespan, ResetKind.LINK);
    }

    /** As {@link #open(long, String, Duration)}, recording the attempt as {@code kind}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Opening open(long crmUserId, String admin, Duration lifespan, ResetKind kind) {
        CrmUser user = users.lock(crmUserId).orElseThrow(() -> new UnknownUserException(crmUserId));
        String name = user.getFullName();
        var now = clock.instant();
        Optional<ResetRequest> latest = requests.latestFor(crmUserId);
        if (latest.isPresent() && latest.get().coversClickAt(now)) {
            return new Opening(null, null, name, new ResetAttempt.AlreadyRequested(name, latest.get().getRequestedAt()));
        }
        Optional<ResetFailure> refusal = ResetEligibility.check(user);
        if (refusal.isPresent()) {
            record(user, ResetRequest.refused(user, admin, now, lifespan, refusal.get()).ofKind(kind));
            return new Opening(null, null, name, new ResetAttempt.Refused(name, refusal.get()));
        }
        // Counted under the user's row lock, so two admins at the same moment cannot both pass the limit.
        List<Instant> recent = requests.emailedSince(crmUserId, now.minus(ResetSettings.LIMIT_WINDOW));
        if (recent.size() >= settings.maxLinksPerHour()) {
            record(user, ResetRequest.rateLimited(user, admin, now, lifespan).ofKind(kind));
            return new Opening(null, null, name, new ResetAttempt.RateLimited(name, settings.maxLinksPerHour(),
                    recent.get(recent.size() - settings.maxLinksPerHour()).plus(ResetSettings.LIMIT_WINDOW)));
        }
        ResetRequest request = ResetRequest.requested(user, admin, now, lifespan).ofKind(kind);
        record(user, request);
        return new Opening(request.getId(), user.getKeycloakId(), name, null);
    }

    private void record(CrmUser user, ResetRequest attempt) {
        requests.add(attempt);
        user.recordResetAttempt(attempt);
    }

    /** Keycloak answered that it sent the email. Its LINK_SENT report may have said so first; then that stands. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ResetAttempt markSent(long requestId) {
        ResetRequest request = requests.find(requestId).orElseThrow();
        if (request.getStatus() == ResetStatus.REQUESTED) {
            request.markSent(clock.instant());
        }
        return new ResetAttempt.Sent(request.getUser().getFullName(), request.getExpiresAt());
    }

    /**
     * The call to Keycloak failed. If Keycloak's LINK_SENT report arrived meanwhile (a timeout after Keycloak had
     * sent), the email went out, and that is the outcome.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ResetAttempt markFailed(long requestId, ResetFailure failure, String keycloakMessage) {
        ResetRequest request = requests.find(requestId).orElseThrow();
        if (request.getStatus() != ResetStatus.REQUESTED) {
            return new ResetAttempt.Sent(request.getUser().getFullName(), request.getExpiresAt());
        }
        request.markFailed(failure, keycloakMessage, clock.instant());
        return new ResetAttempt.Failed(request.getUser().getFullName(), failure, keycloakMessage);
    }

    /** How far a lock-out got after its link was sent. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordLockOut(long requestId, LockOut outcome, ResetFailure failure) {
        requests.find(requestId).orElseThrow().recordLockOut(outcome, failure);
    }
}
