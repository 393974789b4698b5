package com.example.crm.application;

import com.example.crm.domain.model.reset.LinkReport;
import com.example.crm.domain.model.reset.LinkReportRules;
import com.example.crm.domain.model.reset.ResetRequest;
import com.example.crm.domain.model.reset.ResetRequests;
import com.example.crm.domain.model.user.CrmUser;
import com.example.crm.domain.model.user.CrmUsers;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Recovers reports the CRM missed (it was down, or the reporter gave up): asks Keycloak's stored events what
 * became of a user's open links, and applies what is new. Runs outside any transaction while Keycloak answers.
 */
@ApplicationScoped
public class LinkReconciliation {

    private static final Logger LOG = Logger.getLogger(LinkReconciliation.class.getName());

    @Inject
    KeycloakAccounts keycloak;

    @Inject
    LinkReports linkReports;

    @Inject
    ResetRequests requests;

    @Inject
    CrmUsers users;

    @Inject
    Clock clock;

    @Resource
    ManagedExecutorService executor;

    @Inject
    LinkReconciliation self; // through the proxy: reads in a transaction, even on a background thread (public methods only)

    /** Reconciles in the background (a slow Keycloak never slows the page); the page hears of changes by push. */
    public void reconcileInBackground(long crmUserId) {
        executor.execute(() -> reconcile(crmUserId));
    }

    /** Reconciles one user with open links; returns how many stored events changed something. Never throws. */
    public int reconcile(long crmUserId) {
        Optional<OpenLinks> open = self.openLinks(crmUserId);
        if (open.isEmpty()) {
            return 0;
        }
        List<LinkReport> events;
        try {
            events = keycloak.linkEventsSince(open.get().keycloakId(), open.get().since());
        } catch (KeycloakCallException e) {
            LOG.log(Level.WARNING, "Could not read Keycloak''s events for CRM user {0}: {1}", new Object[] {crmUserId, e.getMessage()});
            return 0;
        }
        int applied = 0;
        for (LinkReport event : events) {
            if (linkReports.apply(event) == LinkReports.Outcome.APPLIED) {
                applied++;
            }
        }
        if (applied > 0) {
            int count = applied;
            LOG.info(() -> "Recovered " + count + " missed Keycloak report(s) for CRM user " + crmUserId);
        }
        return applied;
    }

    /** Reconciles every user with an open link (up to {@code max} of them). */
    public void reconcileOpenLinks(int max) {
        self.usersWithOpenLinks(max).forEach(this::reconcile);
    }

    /** Whose events to read, and from when: a minute before the user's oldest open link. */
    public record OpenLinks(String keycloakId, Instant since) {
    }

    @Transactional
    public Optional<OpenLinks> openLinks(long crmUserId) {
        Optional<CrmUser> user = users.find(crmUserId).filter(CrmUser::isLinked);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        return requests.requestedSince(crmUserId, clock.instant().minus(LinkReportRules.LOOK_BACK)).stream()
                .filter(ResetRequest::isOpen).map(ResetRequest::getRequestedAt).min(Instant::compareTo)
                .map(oldest -> new OpenLinks(user.get().getKeycloakId(), oldest.minusSeconds(60)));
    }

    @Transactional
    public List<Long> usersWithOpenLinks(int max) {
        return requests.usersWithOpenLinks(max);
    }
}
