package com.example.crm.keycloak.reporter;

import java.time.Instant;

import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import com.example.crm.keycloak.policy.RealmResetLinks;
import com.example.crm.report.ReportType;
import com.example.crm.report.ResetReport;

/** Per request: turns the events the CRM cares about into reports, handed over once Keycloak's transaction ends. */
final class CrmResetReporter implements EventListenerProvider {

    private final KeycloakSession session;
    private final ReportSender sender;

    CrmResetReporter(KeycloakSession session, ReportSender sender) {
        this.session = session;
        this.sender = sender;
    }

    @Override
    public void onEvent(Event event) {
        // A "Forgot password?" link was just sent: the policy's email provider recorded it, as for an admin's link.
        ReportMapper.from(event).map(report -> report.type() == ReportType.LINK_SENT ? withPolicy(report, event.getRealmId()) : report)
                .ifPresent(this::sendAfterTransaction);
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        ReportMapper.from(event).map(report -> withPolicy(report, event.getRealmId()))
                .ifPresent(this::sendAfterTransaction);
    }

    /** The policy's email provider recorded the link it just sent, with the expiry it stated in the email. */
    private ResetReport withPolicy(ResetReport report, String realmId) {
        RealmModel realm = session.realms().getRealm(realmId);
        UserModel user = realm == null ? null : session.users().getUserById(realm, report.keycloakUserId());
        if (user == null) {
            return report;
        }
        boolean replacesEarlier = RealmResetLinks.policy(realm).onlyNewestLink();
        return RealmResetLinks.issued(user, Instant.now()).newest()
                .map(link -> report.withLink(link.expiresAt(), replacesEarlier)).orElse(report);
    }

    private void sendAfterTransaction(ResetReport report) {
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                sender.submit(report);
            }

            @Override
            protected void rollbackImpl() {
                if (report.type().isError()) {
                    sender.submit(report); // the link failed whatever became of the request
                }
            }
        });
    }

    @Override
    public void close() {
    }
}
