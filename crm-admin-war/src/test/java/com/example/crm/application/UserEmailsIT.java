package com.example.crm.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.crm.domain.model.user.CrmUser;
import com.example.crm.domain.model.user.CrmUsers;
import com.example.crm.testsupport.CrmDeployment;
import com.example.crm.testsupport.RecordingIdentityProvider;
import com.example.crm.testsupport.TestUsers;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The CRM's address against Keycloak's, in a real Payara Micro. */
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
    RecordingIdentityProvider keycloak;

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
}
