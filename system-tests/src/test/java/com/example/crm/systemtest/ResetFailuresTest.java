package com.example.crm.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.crm.systemtest.support.Browser;
import com.example.crm.systemtest.support.KeycloakAdminApi;
import com.example.crm.systemtest.support.Mailbox;
import com.example.crm.systemtest.support.RunningStack;
import com.example.crm.systemtest.support.SystemTest;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;

/** Every reason a link cannot be sent gets its own red message, no green one, and no email. */
@SystemTest
class ResetFailuresTest {

    @ParameterizedTest(name = "{1}: {3}")
    @CsvSource(delimiter = '|', value = {
        "nadia | Nadia Noemail     |                                 | has no email address in the CRM",
        "uma   | Uma Unlinked      | uma.unlinked@example.com        | has no linked Keycloak account",
        "emma  | Emma Brown        | emma.brown@example.com          | is inactive",
        "kim   | Kim Locked        | kim.locked@example.com          | Keycloak account is disabled",
        "eve   | Eve Nokeycloakemail | eve.nokeycloakemail@example.com | Keycloak has no email address",
        "otto  | Otto Orphan       | otto.orphan@example.com         | linked Keycloak account no longer exists",
    })
    void refusesWithItsOwnReason(String search, String fullName, String email, String reason,
                                 RunningStack stack, Browser admin) {
        admin.signInToCrm("admin", "admin");
        admin.openProfile(search, fullName);
        admin.sendResetLink();

        String problem = admin.problemNotification();
        assertTrue(problem.startsWith("Reset link not sent\n"), problem);
        assertTrue(problem.contains(fullName), problem);
        assertTrue(problem.contains(reason), problem);
        assertTrue(admin.successNotifications().isEmpty(), "never green on failure");
        assertTrue(admin.text(By.id("profile-form:history")).contains("Not sent"), "the attempt is recorded");
        if (email != null) {
            assertEquals(0, new Mailbox(stack).messagesFor(email).size(), "no email was sent");
        }
    }

    @Test
    void mailServerFailureIsReportedAsSuch(RunningStack stack, Browser admin) throws IOException {
        KeycloakAdminApi keycloak = new KeycloakAdminApi(stack);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        admin.signInToCrm("admin", "admin");
        admin.openProfile("mia", "Mia Lopez");
        keycloak.setSmtpPort(closedPort);
        try {
            admin.sendResetLink();
            String problem = admin.problemNotification();
            assertTrue(problem.contains("could not hand the email for Mia Lopez to its mail server"), problem);
            assertTrue(problem.contains("Keycloak said:"), problem);
            assertTrue(admin.successNotifications().isEmpty());
        } finally {
            keycloak.setSmtpPort(stack.smtpPort);
        }
    }

    @Test
    void keycloakDownIsReportedAsUnreachable(RunningStack stack, Browser admin) {
        admin.signInToCrm("admin", "admin");
        admin.openProfile("oliver", "Oliver Jones");
        stack.run("stop", "keycloak");
        try {
            admin.sendResetLink();
            String problem = admin.problemNotification();
            assertTrue(problem.contains("Keycloak could not be reached, so no reset link was sent to Oliver Jones"), problem);
            assertTrue(admin.successNotifications().isEmpty());
        } finally {
            stack.run("up");
        }
        assertEquals(0, new Mailbox(stack).messagesFor("oliver.jones@example.com").size());
    }
}
