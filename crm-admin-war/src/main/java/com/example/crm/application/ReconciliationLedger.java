package com.example.crm.application;

import com.example.crm.domain.model.reset.LinkReportRules;
import com.example.crm.domain.model.reset.ResetRequest;
import com.example.crm.domain.model.reset.ResetRequests;
import com.example.crm.domain.model.user.CrmUser;
import com.example.crm.domain.model.user.CrmUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The database side of recovering missed reports, as {@link ResetLedger} is for a reset: short reads, each its own
 * transaction, so that none is open while Keycloak is asked.
 */
@ApplicationScoped
public class ReconciliationLedger {

    @Inject
    CrmUsers users;

    @Inject
    ResetRequests requests;

    @Inject
    Clock clock;

    /** Whose events to read, and from when: a minute before the user's oldest open or unconfirmed link. */
    public record OpenLinks(String keycloakId, Instant since) {
    }

    @Transactional
    public Optional<OpenLinks> openLinks(long crmUserId) {
        return openLinksOf(crmUserId);
    }

    /** As {@link #openLinks(long)} for each of these users, in one transaction. */
    @Transactional
    public List<OpenLinks> openLinks(List<Long> crmUserIds) {
        return crmUserIds.stream().flatMap(id -> openLinksOf(id).stream()).toList();
    }

    private Optional<OpenLinks> openLinksOf(long crmUserId) {
        Optional<CrmUser> user = users.find(crmUserId).filter(CrmUser::isLinked);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        return requests.requestedSince(crmUserId, clock.instant().minus(LinkReportRules.LOOK_BACK)).stream()
                .filter(request -> request.isOpen() || request.isUnconfirmed()).map(ResetRequest::getRequestedAt).min(Instant::compareTo)
                .map(oldest -> new OpenLinks(user.get().getKeycloakId(), oldest.minusSeconds(60)));
    }

    /** The next {@code max} users with an open or unconfirmed link after {@code afterUserId}, by id. */
    @Transactional
    public List<Long> usersWithOpenLinks(long afterUserId, int max) {
        return requests.usersWithOpenLinks(afterUserId, max);
    }
}
