package com.example.crm.application;

import com.example.crm.domain.model.reset.LinkReportRules;
import com.example.crm.domain.model.reset.ResetRequest;
import com.example.crm.domain.model.reset.ResetRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/** Open links whose time has run out become EXPIRED, whether or not the user tried them. */
@ApplicationScoped
public class LinkExpiry {

    static final int BATCH = 500;

    @Inject
    ResetRequests requests;

    @Inject
    Clock clock;

    @Inject
    Event<ResetStatusChanged> statusChanged;

    @Transactional
    public int expireRunOut() {
        var now = clock.instant();
        List<ResetRequest> expired = LinkReportRules.expire(requests.runOutBy(now, BATCH), now);
        expired.stream().map(request -> request.getUser().getId()).distinct()
                .forEach(userId -> statusChanged.fire(new ResetStatusChanged(userId)));
        return expired.size();
    }
}
