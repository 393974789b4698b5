package com.example.crm.application;

import com.example.crm.domain.model.reset.LinkReportRules;
import com.example.crm.domain.model.reset.ResetRequest;
import com.example.crm.domain.model.reset.ResetRequests;
import com.example.crm.domain.model.reset.ResetStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * Open links whose time has run out become EXPIRED, whether or not the user tried them; and requests whose sending
 * nothing confirmed in time are closed as "may or may not have been sent".
 */
@ApplicationScoped
public class LinkExpiry {

    static final int BATCH = 500;

    @Inject
    ResetRequests requests;

    @Inject
    Clock clock;

    @Inject
    Event<ResetStatusChanged> statusChanged;

    @Inject
    Event<LinkClosed> closed;

    @Transactional
    public int expireRunOut() {
        var now = clock.instant();
        List<ResetRequest> expired = LinkReportRules.expire(requests.runOutBy(now, BATCH), now);
        expired.forEach(request -> closed.fire(new LinkClosed(ResetStatus.EXPIRED)));
        expired.stream().map(request -> request.getUser().getId()).distinct()
                .forEach(userId -> statusChanged.fire(new ResetStatusChanged(userId)));
        return expired.size();
    }

    @Transactional
    public int closeUnconfirmed() {
        var now = clock.instant();
        List<ResetRequest> closed = LinkReportRules.closeUnconfirmed(
                requests.requestedBefore(now.minus(ResetRequest.UNCONFIRMED_LIMIT), BATCH), now);
        closed.stream().map(request -> request.getUser().getId()).distinct()
                .forEach(userId -> statusChanged.fire(new ResetStatusChanged(userId)));
        return closed.size();
    }
}
