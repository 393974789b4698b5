package com.example.crm.domain.model.reset;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Every reset attempt the CRM has made. */
public interface ResetRequests {

    void add(ResetRequest request);

    Optional<ResetRequest> find(long id);

    Optional<ResetRequest> latestFor(long crmUserId);

    /** The user's latest request whose link was sent (whatever became of it since): the link the user has. */
    Optional<ResetRequest> latestSentFor(long crmUserId);

    List<ResetRequest> historyFor(long crmUserId, int max);

    /** The user's requests made after {@code since}, whatever their status. */
    List<ResetRequest> requestedSince(long crmUserId, Instant since);

    /** As {@link #requestedSince(long, Instant)} for all these users at once, in no particular order, each with its user. */
    List<ResetRequest> requestedSince(Collection<Long> crmUserIds, Instant since);

    /** SENT requests whose expiry has passed by {@code now}, at most {@code max} of them. */
    List<ResetRequest> runOutBy(Instant now, int max);

    /** The audit log's page: attempts matching the search, newest first. */
    List<ResetRequest> search(AuditSearch search);

    long count(AuditSearch search);

    /** Up to {@code max} REQUESTED requests made at or before {@code cutoff}, oldest first. */
    List<ResetRequest> requestedBefore(Instant cutoff, int max);

    /**
     * Every user with an open link (sent, not yet used or expired) or one still REQUESTED (its sending not confirmed
     * yet).
     */
    List<Long> usersWithOpenLinks();

    /** When each of the user's links emailed since {@code since} was requested, oldest first. */
    List<Instant> emailedSince(long crmUserId, Instant since);
}
