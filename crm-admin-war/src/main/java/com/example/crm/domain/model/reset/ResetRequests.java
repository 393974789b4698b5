package com.example.crm.domain.model.reset;

import java.util.List;
import java.util.Optional;

/** Every reset attempt the CRM has made. */
public interface ResetRequests {

    void add(ResetRequest request);

    Optional<ResetRequest> find(long id);

    Optional<ResetRequest> latestFor(long crmUserId);

    /** The user's latest SENT request, the link the user should be using. */
    Optional<ResetRequest> latestSentFor(long crmUserId);

    List<ResetRequest> historyFor(long crmUserId, int max);
}
