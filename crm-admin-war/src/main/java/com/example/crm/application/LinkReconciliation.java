package com.example.crm.application;

import com.example.crm.domain.model.reset.LinkReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Recovers reports the CRM missed (it was down, or the reporter gave up): asks Keycloak's stored events what
 * became of a user's open links, and applies what is new. Runs outside any transaction while Keycloak answers.
 */
@ApplicationScoped
public class LinkReconciliation {

    /** Users read from the database at a time while going through every open link. */
    static final int PAGE = 200;
    private static final Logger LOG = Logger.getLogger(LinkReconciliation.class.getName());

    @Inject
    KeycloakAccounts keycloak;

    @Inject
    LinkReports linkReports;

    @Inject
    ReconciliationLedger ledger;

    @Inject
    BackgroundWork background;

    /** Reconciles in the background (a slow Keycloak never slows the page); the page hears of changes by push. */
    public void reconcileInBackground(long crmUserId) {
        background.run(() -> reconcileLogged(crmUserId));
    }

    /** Reconciles one user with open links; returns how many stored events changed something. */
    public int reconcile(long crmUserId) {
        Optional<ReconciliationLedger.OpenLinks> open = ledger.openLinks(crmUserId);
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
            if (linkReports.apply(event) == LinkReports.Outcome.APPLIED) { // each in its own transaction
                applied++;
            }
        }
        if (applied > 0) {
            int count = applied;
            LOG.info(() -> "Recovered " + count + " missed Keycloak report(s) for CRM user " + crmUserId);
        }
        return applied;
    }

    private void reconcileLogged(long crmUserId) {
        try {
            reconcile(crmUserId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not reconcile the links of CRM user " + crmUserId, e);
        }
    }

    /**
     * Reconciles every user with an open link: reads Keycloak's events of all users once (a few pages, not two calls per
     * open link), and applies each that concerns one of them; one event's failure does not stop the others.
     */
    public void reconcileOpenLinks() {
        Map<String, Instant> sinceByKeycloakId = new HashMap<>();
        List<Long> users = ledger.usersWithOpenLinks();
        for (int from = 0; from < users.size(); from += PAGE) {
            ledger.openLinks(users.subList(from, Math.min(users.size(), from + PAGE)))
                    .forEach(open -> sinceByKeycloakId.merge(open.keycloakId(), open.since(), LinkReconciliation::earlier));
        }
        Optional<Instant> oldest = sinceByKeycloakId.values().stream().min(Instant::compareTo);
        if (oldest.isEmpty()) {
            return;
        }
        List<LinkReport> events;
        try {
            events = keycloak.linkEventsOfAllUsersSince(oldest.get());
        } catch (KeycloakCallException e) {
            LOG.log(Level.WARNING, "Could not read Keycloak''s events for the {0} user(s) with open links: {1}",
                    new Object[] {sinceByKeycloakId.size(), e.getMessage()});
            return;
        }
        int applied = 0;
        for (LinkReport event : events) {
            Instant since = sinceByKeycloakId.get(event.keycloakUserId());
            if (since != null && !event.occurredAt().isBefore(since) && appliedLogged(event)) {
                applied++;
            }
        }
        if (applied > 0) {
            int count = applied;
            LOG.info(() -> "Recovered " + count + " missed Keycloak report(s) in the sweep over " + sinceByKeycloakId.size()
                    + " user(s) with open links");
        }
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private boolean appliedLogged(LinkReport event) {
        try {
            return linkReports.apply(event) == LinkReports.Outcome.APPLIED; // in its own transaction
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not apply Keycloak's stored event " + event.eventId() + " (" + event.type() + ")", e);
            return false;
        }
    }
}
