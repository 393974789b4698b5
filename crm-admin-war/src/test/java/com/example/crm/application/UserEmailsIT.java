package com.example.crm.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.crm.domain.model.reset.AuditSearch;
import com.example.crm.domain.model.user.CrmUser;
import com.example.crm.domain.model.user.CrmUsers;
import com.example.crm.domain.model.user.EmailAdvice;
import com.example.crm.domain.model.user.EmailChange;
import com.example.crm.domain.model.user.EmailChanges;
import com.example.crm.testsupport.CrmDeployment;
import com.example.crm.testsupport.InTransaction;
import com.example.crm.testsupport.RecordingKeycloakAccounts;
import com.example.crm.testsupport.TestUsers;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The CRM's address against Keycloak's, and a mistyped one found and fixed on both sides, in a real Payara Micro. */
@ExtendWith(ArquillianExtension.class)
class UserEmailsIT {

    @Deployment
    static WebArchive deployment() {
        return CrmDeployment.applicationAndPersistence();
    }

    @Inject
    UserEmails emails;

    @Inject
    CrmUsers users;

    @Inject
    TestUsers testUsers;

    @Inject
    RecordingKeycloakAccounts keycloak;

    @Inject
    EmailChanges changes;

    @Inject
    InTransaction tx;

    @Test
    void comparesTheCrmsAddressWithKeycloaksIgnoringCase() {
        CrmUser user = testUsers.create("Mia", "Match", "Mia.Match@example.com", true, true);
        keycloak.hasEmail(user.getKeycloakId(), "mia.match@example.com");
        assertEquals(UserEmails.Comparison.Outcome.SAME, emails.compare(user.getId()).outcome());

        keycloak.hasEmail(user.getKeycloakId(), "mia.old@example.com");
        UserEmails.Comparison differs = emails.compare(user.getId());
        assertEquals(UserEmails.Comparison.Outcome.DIFFERENT, differs.outcome());
        assertEquals("mia.old@example.com", differs.keycloakEmail());

        CrmUser unlinked = testUsers.create("Una", "Linked", "una@example.com", true, false);
        assertEquals(UserEmails.Comparison.Outcome.NOT_LINKED, emails.compare(unlinked.getId()).outcome());
    }

    @Test
    void aMistypedAddressIsFoundAndItsFixReachesBothSides() {
        CrmUser user = testUsers.create("Tia", "Typo", "tia.typo@gmial.com", true, true);
        keycloak.hasEmail(user.getKeycloakId(), "tia.typo@gmial.com");
        String stored = testUsers.reload(user).getEmail();
        assertEquals(List.of(new EmailAdvice.Warning(EmailAdvice.Kind.MISSPELLED_PROVIDER, "tia.typo@gmail.com")),
                EmailAdvice.check(stored));

        // A fix typed with a space is refused before anything is asked or changed.
        assertEquals(UserEmails.Change.Outcome.NOT_AN_ADDRESS, emails.change(user.getId(), "tia.typo @gmail.com", "admin").outcome());
        assertEquals("tia.typo@gmial.com", testUsers.reload(user).getEmail());
        assertEquals("tia.typo@gmial.com", keycloak.emailOf(user.getKeycloakId()).orElseThrow());

        assertEquals(UserEmails.Change.Outcome.CHANGED, emails.change(user.getId(), "tia.typo@gmail.com", "admin").outcome());
        assertEquals("tia.typo@gmail.com", keycloak.emailOf(user.getKeycloakId()).orElseThrow());
        String fixed = testUsers.reload(user).getEmail();
        assertEquals("tia.typo@gmail.com", fixed);
        assertTrue(EmailAdvice.check(fixed).isEmpty());
    }

    @Test
    void everyChangeIsRecordedWithWhoWhenAndBothAddressesMasked() {
        CrmUser user = testUsers.create("Eda", "Edited", "eda.edited@example.com", true, true);
        keycloak.hasEmail(user.getKeycloakId(), "eda.edited@example.com");
        Instant before = Instant.now().minusSeconds(1);

        assertEquals(UserEmails.Change.Outcome.CHANGED, emails.change(user.getId(), "eda.mine@attacker.example", "mallory").outcome());
        assertEquals(UserEmails.Change.Outcome.CHANGED, emails.change(user.getId(), "eda.edited@example.com", "mallory").outcome());

        List<EmailChange> recorded = tx.get(() -> changes.search(new AuditSearch("eda edited", "mallory", null,
                before, null, 0, 10)));
        assertEquals(2, recorded.size(), "the change and the change back");
        EmailChange first = recorded.get(1);
        assertEquals("mallory", first.getChangedBy());
        assertEquals("e***@example.com", first.getOldEmail());
        assertEquals("e***@attacker.example", first.getNewEmail());
        assertTrue(first.isInKeycloak());
        assertEquals("e***@example.com", recorded.get(0).getNewEmail());
    }
}
