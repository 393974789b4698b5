package com.example.crm.domain.model.reset;

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
}
