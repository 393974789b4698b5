package com.example.crm.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.crm.systemtest.support.Browser;
import com.example.crm.systemtest.support.Email;
import com.example.crm.systemtest.support.KeycloakAdminApi;
import com.example.crm.systemtest.support.Mailbox;
import com.example.crm.systemtest.support.RunningStack;
import com.example.crm.systemtest.support.SystemTest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** What became of each link, as the admin sees it on the profile: live, recovered when missed, and acted on. */
@SystemTest
class LinkLifecycleTest {

    private static final By LINK_STATUS = By.id("link-status");

    @Test
    void theOpenProfileTurnsToPasswordSetWithoutAReload(RunningStack stack, Browser admin) {
        admin.signInToCrm("admin", "admin");
        admin.sendResetLinkTo("olivia", "Olivia Johnson");
        String link = new Mailbox(stack).awaitLink("olivia.johnson@example.com", 1);

        try (Browser user = Browser.open(stack)) {
            user.setNewPassword(link, "Live-upd4te-please");
        }
        admin.awaitTextWithoutReload(LINK_STATUS, "Password set", Duration.ofSeconds(20));
    }

    @Test
    void aLinkPastTheRealmsMaximumExpiresAndOneClickSendsANewOne(RunningStack stack, Browser admin) {
        KeycloakAdminApi keycloak = new KeycloakAdminApi(stack);
        assertEquals(204, keycloak.setPolicy("1", "1", true));
        try {
            Mailbox mailbox = new Mailbox(stack);
            admin.signInToCrm("admin", "admin");
            admin.sendResetLinkTo("sebastian", "Sebastian Torres"); // the CRM asks for 12 hours; the realm allows 1 minute
            Instant sent = Instant.now();
            String message = mailbox.awaitMessage("sebastian.torres@example.com", 1, Duration.ofSeconds(30));
            Email email = Email.parse(message);
            assertTrue(email.text().contains("expires in 1 minute"), email.text());
            admin.awaitTextWithoutReload(By.id("link-expires"), "minute", Duration.ofSeconds(20)); // Keycloak's report

            sleepUntil(sent.plusSeconds(65));
            try (Browser user = Browser.open(stack)) {
                user.go(Mailbox.actionLink(message));
                user.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                        "This password link has expired. Ask your Acme CRM administrator to send you a new one."));
            }
            admin.awaitTextWithoutReload(LINK_STATUS, "Expired", Duration.ofSeconds(70));
            admin.screenshot(Path.of("target/screenshots/profile-expired-link.png"));
            admin.waiting().until(ExpectedConditions.elementToBeClickable(By.id("profile-form:resend"))).click();
            assertEquals("Success\nReset Password Instruction has been sent successfully!", admin.successNotification());
            mailbox.awaitMessage("sebastian.torres@example.com", 2, Duration.ofSeconds(30));
            admin.awaitTextWithoutReload(LINK_STATUS, "Sent", Duration.ofSeconds(10));
        } finally {
            keycloak.setPolicy("720", "1440", true);
        }
    }

    @Test
    void aReportLostWithKeycloaksRestartIsRecoveredFromItsStoredEvents(RunningStack stack, Browser admin) {
        admin.signInToCrm("admin", "admin");
        admin.sendResetLinkTo("aria", "Aria Flores");
        String profile = admin.driver.getCurrentUrl();
        String link = new Mailbox(stack).awaitLink("aria.flores@example.com", 1);

        stack.run("stop", "payara");
        try (Browser user = Browser.open(stack)) {
            user.setNewPassword(link, "Rec0vered-from-events");
        } finally {
            stack.run("stop", "keycloak"); // its queue of undelivered reports goes with it
            stack.run("up");
        }
        admin.go(stack.crmUrl() + "/");
        admin.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in-as")));
        admin.go(profile);
        admin.awaitTextWithoutReload(LINK_STATUS, "Password set", Duration.ofSeconds(30));
    }

    private static void sleepUntil(Instant moment) {
        long millis = Duration.between(Instant.now(), moment).toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
