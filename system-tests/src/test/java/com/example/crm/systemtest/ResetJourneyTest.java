package com.example.crm.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.crm.systemtest.support.Browser;
import com.example.crm.systemtest.support.Email;
import com.example.crm.systemtest.support.Mailbox;
import com.example.crm.systemtest.support.RunningStack;
import com.example.crm.systemtest.support.SystemTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The product's spine, as people do it: admin sends the link, the user sets a password and signs in with it. */
@SystemTest
class ResetJourneyTest {

    @Test
    void adminSendsResetLinkAndUserSignsInWithTheNewPassword(RunningStack stack, Browser admin) {
        Mailbox mailbox = new Mailbox(stack);
        admin.signInToCrm("admin", "admin");
        assertTrue(admin.text(By.className("crm-instance")).contains("Acme CRM (system test)"), "header names the instance");
        assertTrue(admin.text(By.id("signed-in-as")).contains("Ada Admin"), "header names the admin");

        admin.openProfile("liam", "Liam Smith");
        admin.sendResetLink();

        assertEquals("Success\nReset Password Instruction has been sent successfully!", admin.successNotification());
        assertEquals("rgba(230, 244, 234, 1)", admin.successNotificationColour(), "the notification is green");
        assertTrue(admin.isUncovered(By.id("profile-form:more_button")), "the notification leaves More free to click");
        assertTrue(admin.text(By.id("link-expires")).contains("in 12 hours"), "profile shows when the link expires");
        assertTrue(admin.text(By.id("last-reset")).contains("by admin"));
        String ticket = admin.value(By.id("ticket-text"));
        assertTrue(ticket.startsWith("Password reset link sent to Liam Smith (l***@example.com) on "), ticket);
        assertTrue(ticket.contains(" by admin. The link works until "), ticket);

        String link = mailbox.awaitLink("liam.smith@example.com", 1);
        try (Browser user = Browser.open(stack)) {
            user.go(link);
            assertTrue(user.text(By.tagName("body")).contains("Action requested by your Acme CRM administrator"), "branded info page");
            user.waiting().until(ExpectedConditions.elementToBeClickable(By.partialLinkText("Set my new password"))).click();
            assertTrue(user.text(By.tagName("body")).contains("Set a new password for Acme CRM"), "branded form");
            user.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("password-new"))).sendKeys("N3w-Secret-Pass!");
            user.driver.findElement(By.id("password-confirm")).sendKeys("N3w-Secret-Pass!");
            user.driver.findElement(By.cssSelector("#kc-passwd-update-form [type=submit]")).click();
            user.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                    "Your new password is set. You can now sign in to Acme CRM with it."));
            assertTrue(user.pageText().contains("Go to the Acme CRM sign-in"), "a way back to the CRM");

            user.go(link);
            user.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                    "has already been used. Ask your Acme CRM administrator to send you a new one."));

            user.signInToCrm("liam.smith", "N3w-Secret-Pass!");
            assertTrue(user.text(By.id("signed-in-as")).contains("Liam Smith"));
        }
        // Keycloak's reporter tells the CRM; the admin sees it on the profile
        admin.go(admin.driver.getCurrentUrl());
        admin.waitForText(By.id("profile-form:history"), "Password set", Duration.ofSeconds(30));

        Email changed = Email.parse(mailbox.awaitMessage("liam.smith@example.com", 2, Duration.ofSeconds(30)));
        assertEquals("Your Acme CRM password was changed", changed.subject());
        assertTrue(changed.text().contains("If you did not change it, tell your Acme CRM administrator at once."), changed.text());
        if (!stack.attached) { // an attached stack's servers (the container images) keep their logs elsewhere
            assertEquals(List.of(), stack.logsHoldingAResetLink(link), "no log holds the link");
        }
    }
}
