package com.example.crm.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.crm.domain.model.user.CrmUser;
import com.example.crm.domain.model.user.CrmUsers;
import com.example.crm.domain.model.user.EmailAdvice;
import com.example.crm.testsupport.CrmDeployment;
import com.example.crm.testsupport.RecordingKeycloakAccounts;
import com.example.crm.testsupport.TestUsers;
import jakarta.inject.Inject;
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
}
