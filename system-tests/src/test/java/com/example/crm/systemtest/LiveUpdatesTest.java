package com.example.crm.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.crm.systemtest.support.Browser;
import com.example.crm.systemtest.support.Mailbox;
import com.example.crm.systemtest.support.RunningStack;
import com.example.crm.systemtest.support.SeededUsers;
import com.example.crm.systemtest.support.SystemTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Point;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** What the profile's live updates leave alone: an open menu, what the admin is about to click, typed text. */
@SystemTest
class LiveUpdatesTest {

    /** The page's socket opens, the background check of the open link runs and the Keycloak address is compared. */
    private static final Duration LIVE_UPDATES = Duration.ofSeconds(5);

    @Test
    void theMoreMenuOpenedAtOnceOnAProfileWithAnOpenLinkStaysOpenAndSends(RunningStack stack, Browser admin) {
        admin.signInToCrm("admin", "admin");
        admin.sendResetLinkTo("daniel", "Daniel Walker");
        new Mailbox(stack).awaitLink("daniel.walker@example.com", 1);
        pause(Duration.ofSeconds(11)); // past the double-click window, so the second click sends

        admin.driver.navigate().refresh(); // a fresh profile with an open link: its background check starts
        admin.waiting().until(ExpectedConditions.elementToBeClickable(By.id("profile-form:more_button"))).click();
        WebElement send = admin.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("profile-form:send-reset-link")));
        Point where = send.getLocation();
        pause(LIVE_UPDATES);

        assertTrue(stillShown(send), "the More menu closed by itself during the profile's live updates");
        assertEquals(where, send.getLocation(), "Send Reset Link moved under the admin's hand");
        send.click();
        assertEquals("Success\nReset Password Instruction has been sent successfully!", admin.successNotification());
        new Mailbox(stack).awaitLink("daniel.walker@example.com", 2);
    }

    @Test
    void theEditEmailDialogKeepsItsTypedTextWhileAReportUpdatesTheProfile(RunningStack stack, Browser admin) {
        admin.signInToCrm("admin", "admin");
        admin.sendResetLinkTo("sofia", "Sofia King");
        String link = new Mailbox(stack).awaitLink("sofia.king@example.com", 1);
        admin.awaitTextWithoutReload(By.id("link-status"), "Sent", Duration.ofSeconds(10));

        admin.waiting().until(ExpectedConditions.elementToBeClickable(By.id("profile-form:edit-email"))).click();
        WebElement input = admin.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("email-form:new-email")));
        input.clear();
        input.sendKeys("sofia.king@example.org");
        try (Browser user = Browser.open(stack)) {
            user.setNewPassword(link, "Typed-text-st4ys");
        }
        admin.awaitTextWithoutReload(By.id("link-status"), "Password set", Duration.ofSeconds(20));
        pause(Duration.ofSeconds(1));

        assertTrue(stillShown(input), "the Edit email dialog closed when the report arrived");
        assertEquals("sofia.king@example.org", input.getAttribute("value"));
    }

    @Test
    void theBulkRunPageLeavesItsTableAloneWhileNoOutcomeChanges(RunningStack stack, Browser admin) {
        SeededUsers.seed(stack, "poll", "poll.example.com", 2, 400_000);
        admin.signInToCrm("admin", "admin");
        admin.go(stack.crmUrl() + "/settings/users/");
        admin.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("users-form:search"))).sendKeys("poll.example.com");
        admin.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#users-form\\:users .ui-paginator-current"), "of 2"));
        By rowBoxes = By.cssSelector("#users-form\\:users tbody td.ui-selection-column .ui-chkbox-box");
        admin.driver.findElements(rowBoxes).get(0).click();
        admin.waiting().until(ExpectedConditions.textToBe(By.id("bulk-selection"), "1 selected"));
        admin.driver.findElements(rowBoxes).get(1).click();
        admin.waiting().until(ExpectedConditions.textToBe(By.id("bulk-selection"), "2 selected"));

        stack.keycloakProxy.holdAnswersBack("execute-actions-email", Duration.ofSeconds(5)); // both sends take a while
        try {
            admin.driver.findElement(By.id("users-form:bulk-send")).click();
            admin.waiting().until(ExpectedConditions.elementToBeClickable(By.id("users-form:bulk-confirm-yes"))).click();
            WebElement firstUser = admin.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#bulk-form\\:items tbody tr a")));
            pause(Duration.ofMillis(2500)); // two polls with no outcome changed

            assertEquals("0 of 2 done", admin.text(By.id("progress-text")).replaceAll(" —.*", ""));
            assertTrue(stillShown(firstUser), "the poll re-rendered the users table although no outcome changed");
            admin.awaitTextWithoutReload(By.id("progress-text"), "Finished", Duration.ofSeconds(30));
            assertEquals("2", admin.text(By.id("count-SENT")));
        } finally {
            stack.keycloakProxy.behave();
        }
    }

    private static boolean stillShown(WebElement element) {
        try {
            return element.isDisplayed();
        } catch (StaleElementReferenceException replaced) {
            return false;
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
