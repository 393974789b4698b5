package com.example.crm.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.crm.systemtest.support.Browser;
import com.example.crm.systemtest.support.KeycloakAdminApi;
import com.example.crm.systemtest.support.Mailbox;
import com.example.crm.systemtest.support.RunningStack;
import com.example.crm.systemtest.support.SystemTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The click is safe: a double click sends one email, and an expired session says so instead of failing silently. */
@SystemTest
class ResetSafeguardsTest {

    @Test
    void doubleClickSendsOneEmail(RunningStack stack, Browser admin) throws InterruptedException {
        admin.signInToCrm("admin", "admin");
        admin.openProfile("noah", "Noah Williams");
        admin.driver.findElement(By.id("profile-form:more_button")).click();
        admin.driver.executeScript("var item = document.getElementById('profile-form:send-reset-link'); item.click(); item.click();");

        assertEquals("Success\nReset Password Instruction has been sent successfully!", admin.successNotification());
        String problem = admin.problemNotification();
        assertTrue(problem.startsWith("Already sent"), problem);
        Mailbox mailbox = new Mailbox(stack);
        mailbox.awaitMessage("noah.williams@example.com", 1, Duration.ofSeconds(30));
        Thread.sleep(2000); // a second email, were there one, would have arrived by now
        assertEquals(1, mailbox.messagesFor("noah.williams@example.com").size());
    }

    @Test
    void serviceAccountTokenIsReusedNotFetchedPerClick(RunningStack stack, Browser admin) {
        KeycloakAdminApi keycloak = new KeycloakAdminApi(stack);
        admin.signInToCrm("admin", "admin");
        int tokensBefore = keycloak.eventCount("CLIENT_LOGIN", "crm");
        for (String[] user : new String[][] {{"elijah", "Elijah Miller"}, {"sophia", "Sophia Davis"}, {"james", "James Rodriguez"}}) {
            admin.openProfile(user[0], user[1]);
            admin.sendResetLink();
            admin.successNotification();
        }
        // Three sends; one new token at most (the cached one may expire meanwhile), not one per click.
        assertTrue(keycloak.eventCount("CLIENT_LOGIN", "crm") - tokensBefore <= 1);
    }

    @Test
    void expiredSessionTakesTheAdminToSignInWithAMessage(RunningStack stack, Browser admin) {
        admin.signInToCrm("admin", "admin");
        admin.openProfile("ava", "Ava Garcia");
        admin.driver.manage().deleteCookieNamed("JSESSIONID");

        admin.sendResetLink();

        admin.waiting().until(ExpectedConditions.urlContains("/session-expired.xhtml"));
        assertTrue(admin.pageText().contains("Your session has timed out"), admin.pageText());
        assertEquals(0, new Mailbox(stack).messagesFor("ava.garcia@example.com").size(), "nothing was sent");
        admin.driver.findElement(By.id("sign-in-again")).click();
        admin.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in-as")));
    }
}
