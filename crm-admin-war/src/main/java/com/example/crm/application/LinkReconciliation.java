package com.example.crm.application;

import com.example.crm.domain.model.reset.LinkReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

    /** Reconciles every user with an open link, one after another; one user's failure does not stop the others. */
    public void reconcileOpenLinks() {
        long after = 0;
        for (List<Long> page = ledger.usersWithOpenLinks(after, PAGE); !page.isEmpty();
                page = ledger.usersWithOpenLinks(after, PAGE)) {
            page.forEach(this::reconcileLogged);
            after = page.get(page.size() - 1);
        }
    }
}
