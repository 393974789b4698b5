package com.example.crm.application;

import com.example.crm.domain.model.reset.LinkReport;
import com.example.crm.domain.model.reset.LinkReportRules;
import com.example.crm.domain.model.reset.ReceivedReport;
import com.example.crm.domain.model.reset.ReceivedReports;
import com.example.crm.domain.model.reset.ResetRequest;
import com.example.crm.domain.model.reset.ResetRequests;
import com.example.crm.domain.model.user.CrmUser;
import com.example.crm.domain.model.user.CrmUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Applies what Keycloak says happened to reset links, however it arrived (a signed report, checked and read at the
 * REST edge, or a stored event), once per Keycloak event id.
 */
@ApplicationScoped
public class LinkReports {

    private static final Logger LOG = Logger.getLogger(LinkReports.class.getName());

    public enum Outcome { APPLIED, ALREADY_RECEIVED, NOTHING_TO_APPLY }

    @Inject
    Clock clock;

    @Inject
    CrmUsers users;

    @Inject
    ResetRequests requests;

    @Inject
    ReceivedReports received;

    @Inject
    Event<ResetStatusChanged> statusChanged;

    @Inject
    Event<LinkClosed> closed;

    @Transactional
    public Outcome apply(LinkReport report) {
        if (!received.add(new ReceivedReport(report.eventId(), report.type().name(), clock.instant()))) {
            return Outcome.ALREADY_RECEIVED;
        }
        // Locked like a send, so a report and an admin's click for the same user never interleave.
        Optional<CrmUser> user = users.findByKeycloakId(report.keycloakUserId()).flatMap(found -> users.lock(found.getId()));
        if (user.isEmpty()) {
            return Outcome.NOTHING_TO_APPLY;
        }
        List<ResetRequest> recent = new ArrayList<>(
                requests.requestedSince(user.get().getId(), report.occurredAt().minus(LinkReportRules.LOOK_BACK)));
        Optional<ResetRequest> own = Optional.empty();
        if (report.isLinkTheUserAskedFor()) {
            own = Optional.of(ResetRequest.askedForByUser(user.get(), report.occurredAt(), report.linkExpiresAt()));
            requests.add(own.get());
            recent.add(own.get());
            LOG.info(() -> "Keycloak sent user " + user.get().getId() + " the link they asked for (Keycloak event " + report.eventId() + ")");
        }
        List<ResetRequest> changed = LinkReportRules.apply(report, recent);
        if (changed.isEmpty() && own.isEmpty()) {
            return Outcome.NOTHING_TO_APPLY;
        }
        changed.forEach(request -> LOG.info(() -> "Reset request " + request.getId() + " is now " + request.getStatus()
                + " (Keycloak event " + report.eventId() + ", " + report.type() + ")"));
        changed.stream().map(ResetRequest::getStatus).filter(LinkClosed::closes)
                .forEach(status -> closed.fire(new LinkClosed(status)));
        statusChanged.fire(new ResetStatusChanged(user.get().getId()));
        return Outcome.APPLIED;
    }
}
