package com.example.crm.application;

import com.example.crm.domain.model.reset.LinkReportRules;
import com.example.crm.domain.model.reset.ResetRequest;
import com.example.crm.domain.model.reset.ResetRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;

/**
 * The database side of recovering missed reports, as {@link ResetLedger} is for a reset: short reads, each its own
 * transaction, so that none is open while Keycloak is asked.
 */
@ApplicationScoped
public class ReconciliationLedger {

    @Inject
    ResetRequests requests;

    @Inject
    Clock clock;

    /** Whose events to read, and from when: a minute before the user's oldest open or unconfirmed link. */
    public record OpenLinks(String keycloakId, Instant since) {
    }

    @Transactional
    public Optional<OpenLinks> openLinks(long crmUserId) {
        return openLinks(List.of(crmUserId)).stream().findFirst();
    }

    /**
     * As {@link #openLinks(long)} for each of these users, from one read of their recent requests: a read per user
     * made every later read of the transaction check all the requests read before it (with 11,000 open links, more
     * CPU than a bulk run's sends beside it).
     */
    @Transactional
    public List<OpenLinks> openLinks(List<Long> crmUserIds) {
        Instant since = clock.instant().minus(LinkReportRules.LOOK_BACK);
        Map<String, Instant> oldestOpenByKeycloakId = requests.requestedSince(crmUserIds, since).stream()
                .filter(request -> request.getUser().isLinked() && (request.isOpen() || request.isUnconfirmed()))
                .collect(Collectors.toMap(request -> request.getUser().getKeycloakId(), ResetRequest::getRequestedAt,
                        BinaryOperator.minBy(Comparator.naturalOrder())));
        return oldestOpenByKeycloakId.entrySet().stream()
                .map(oldest -> new OpenLinks(oldest.getKey(), oldest.getValue().minusSeconds(60)))
                .toList();
    }

    /**
     * Every user with an open or unconfirmed link, in one read: reading them a page at a time went through every open
     * link again for each page.
     */
    @Transactional
    public List<Long> usersWithOpenLinks() {
        return requests.usersWithOpenLinks();
    }
}
