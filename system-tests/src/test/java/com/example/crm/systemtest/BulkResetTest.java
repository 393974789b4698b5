package com.example.crm.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.crm.systemtest.support.Browser;
import com.example.crm.systemtest.support.Email;
import com.example.crm.systemtest.support.Mailbox;
import com.example.crm.systemtest.support.RunningStack;
import com.example.crm.systemtest.support.SystemTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** An admin sends reset links to a whole team from the users list, and sees each user's outcome. */
@SystemTest
class BulkResetTest {

    private static final By PAGE_COUNT = By.cssSelector("#users-form\\:users .ui-paginator-current");

    @Test
    void aBulkSendToFiftyUsersReachesEveryMailboxAndSurvivesAReload(RunningStack stack, Browser admin) {
        admin.signInToCrm("admin", "admin");
        admin.driver.findElement(By.cssSelector("nav a[aria-label='Settings']")).click();
        admin.waiting().until(ExpectedConditions.elementToBeClickable(By.id("settings-users"))).click();
        admin.driver.findElement(By.id("users-form:search")).sendKeys("field.example.com");
        admin.waiting().until(ExpectedConditions.textToBePresentInElementLocated(PAGE_COUNT, "of 50"));
        admin.waiting().until(ExpectedConditions.textToBe(By.id("users-form:select-all-matching"), "Select all 50 matching users"));

        By rowBoxes = By.cssSelector("#users-form\\:users tbody td.ui-selection-column .ui-chkbox-box");
        admin.driver.findElements(rowBoxes).get(0).click();
        admin.waiting().until(ExpectedConditions.textToBe(By.id("bulk-selection"), "1 selected"));
        admin.driver.findElements(rowBoxes).get(1).click();
        admin.waiting().until(ExpectedConditions.textToBe(By.id("bulk-selection"), "2 selected"));
        admin.waiting().until(ExpectedConditions.elementToBeClickable(By.id("users-form:select-all-matching"))).click();
        admin.waiting().until(ExpectedConditions.textToBe(By.id("bulk-selection"), "All 50 matching users are selected."));
        admin.driver.findElement(By.id("users-form:bulk-send")).click();
        admin.waiting().until(ExpectedConditions.elementToBeClickable(By.id("users-form:bulk-confirm-yes"))).click();

        admin.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("bulk-form:progress")));
        admin.awaitTextWithoutReload(By.id("progress-text"), "50 of 50 done", Duration.ofSeconds(180));
        admin.awaitTextWithoutReload(By.id("progress-text"), "Finished", Duration.ofSeconds(10));
        assertEquals("50", admin.text(By.id("count-SENT")));
        admin.screenshot(Path.of("target/screenshots/bulk-run-finished.png"));

        admin.driver.navigate().refresh();
        assertEquals("50", admin.text(By.id("count-SENT")), "the outcome is stored, not kept in the page");
        List<WebElement> outcomes = admin.driver.findElements(By.cssSelector("#bulk-form\\:items tbody .crm-badge"));
        assertEquals(50, outcomes.size());
        outcomes.forEach(badge -> assertEquals("Sent", badge.getText()));

        Mailbox mailbox = new Mailbox(stack);
        List<String> team = fieldTeamAddresses(stack);
        assertEquals(50, team.size());
        for (String address : team) {
            Email email = Email.parse(mailbox.awaitMessage(address, 1, Duration.ofSeconds(30)));
            assertEquals("Reset your Acme CRM password", email.subject(), address);
        }

        // The users list knows each one's last reset, and filters on it.
        admin.go(stack.crmUrl() + "/settings/users/");
        admin.driver.findElement(By.id("users-form:search")).sendKeys("field.example.com");
        admin.waiting().until(ExpectedConditions.textToBePresentInElementLocated(PAGE_COUNT, "of 50"));
        admin.choose("users-form:reset-status", "Last reset: Expired");
        admin.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("users-form:users"), "No user matches this search."));
        admin.choose("users-form:reset-status", "Last reset: Sent");
        admin.waiting().until(ExpectedConditions.textToBePresentInElementLocated(PAGE_COUNT, "of 50"));
    }

    /** The demo's field sales team, as the demo data lists it. */
    private static List<String> fieldTeamAddresses(RunningStack stack) {
        try (var lines = Files.lines(stack.root().resolve("server-config/demo-data/demo-users.csv"))) {
            return lines.map(line -> line.split(",", -1)[3]).filter(email -> email.endsWith("@field.example.com")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
