package com.example.crm.infrastructure.persistence.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.crm.application.ResetLedger;
import com.example.crm.domain.model.reset.AuditSearch;
import com.example.crm.domain.model.reset.ResetRequest;
import com.example.crm.domain.model.reset.ResetRequests;
import com.example.crm.domain.model.reset.ResetStatus;
import com.example.crm.domain.model.user.CrmUser;
import com.example.crm.domain.model.user.CrmUsers;
import com.example.crm.domain.model.user.UserSearch;
import com.example.crm.testsupport.CrmDeployment;
import com.example.crm.testsupport.TestUsers;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The audit log's and the users list's reset queries, in the database. */
@ExtendWith(ArquillianExtension.class)
class JpaResetRequestsIT {

    @Deployment
    static WebArchive deployment() {
        return CrmDeployment.applicationAndPersistence();
    }

    @Inject
    ResetRequests requests;

    @Inject
    CrmUsers crmUsers;

    @Inject
    ResetLedger ledger;

    @Inject
    TestUsers testUsers;

    @Test
    void theAuditLogFiltersByUserAdminOutcomeAndTimeNewestFirst() {
        String tag = "a" + UUID.randomUUID().toString().substring(0, 8);
        CrmUser sent = testUsers.create("Audra" + tag, "Sent", "audra@" + tag + ".example.com", true, true);
        CrmUser refused = testUsers.create("Ivo" + tag, "Inactive", "ivo@" + tag + ".example.com", false, true);
        ResetRequest older = testUsers.sentEarlier(sent, Duration.ofDays(2), Duration.ofHours(1));
        ledger.open(refused.getId(), "agent.smith", Duration.ofHours(1)); // refused: inactive
        ResetLedger.Opening newest = ledger.open(sent.getId(), "admin", Duration.ofHours(1));
        ledger.markSent(newest.requestId());

        List<ResetRequest> byTag = requests.search(audit(tag, "", null, null, null));
        assertEquals(3, requests.count(audit(tag, "", null, null, null)));
        assertEquals(newest.requestId(), byTag.get(0).getId(), "newest first");
        assertEquals(older.getId(), byTag.get(2).getId());
        assertEquals(1, requests.count(audit(tag, "AGENT", null, null, null)), "admin matched regardless of case");
        assertEquals(ResetStatus.FAILED, requests.search(audit(tag, "", ResetStatus.FAILED, null, null)).get(0).getStatus());
        Instant yesterday = Instant.now().minus(Duration.ofDays(1));
        assertEquals(2, requests.count(audit(tag, "", null, yesterday, null)));
        assertEquals(1, requests.count(audit(tag, "", null, null, yesterday)));
        assertEquals(0, requests.count(audit(tag + "%", "", null, null, null)), "wildcards are text");
    }

    @Test
    void theUsersListFiltersOnTheLatestResetAttempt() {
        String tag = "l" + UUID.randomUUID().toString().substring(0, 8);
        CrmUser failedLast = testUsers.create("Fay" + tag, "Failed", null, true, true); // no email: refused
        CrmUser sentLast = testUsers.create("Sid" + tag, "Sent", "sid@" + tag + ".example.com", true, true);
        testUsers.create("Nell" + tag, "Never", "nell@" + tag + ".example.com", true, true);
        ledger.open(failedLast.getId(), "admin", Duration.ofHours(1));
        ledger.markSent(ledger.open(sentLast.getId(), "admin", Duration.ofHours(1)).requestId());

        List<CrmUser> withSent = crmUsers.search(new UserSearch(tag, null, ResetStatus.SENT, UserSearch.SortField.NAME, true, 0, 10));
        assertEquals(List.of(sentLast.getId()), withSent.stream().map(CrmUser::getId).toList());
        assertEquals(ResetStatus.SENT, withSent.get(0).getLastReset().getStatus());
        assertEquals(1, crmUsers.count(new UserSearch(tag, null, ResetStatus.FAILED, UserSearch.SortField.NAME, true, 0, 10)));
        assertTrue(crmUsers.search(new UserSearch(tag, null, null, UserSearch.SortField.NAME, true, 0, 10)).stream()
                .anyMatch(user -> user.getLastReset() == null), "a user never reset has no last reset");
    }

    private static AuditSearch audit(String user, String admin, ResetStatus outcome, Instant from, Instant to) {
        return new AuditSearch(user, admin, outcome, from, to, 0, 50);
    }
}
