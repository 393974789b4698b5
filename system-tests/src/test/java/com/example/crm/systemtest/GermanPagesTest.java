package com.example.crm.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.crm.systemtest.support.Browser;
import com.example.crm.systemtest.support.Mailbox;
import com.example.crm.systemtest.support.RunningStack;
import com.example.crm.systemtest.support.SystemTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** An admin whose browser asks for German walks the journey in German: every word, and the times too. */
@SystemTest
class GermanPagesTest {

    @Test
    void theJourneyInGerman(RunningStack stack) {
        try (Browser admin = Browser.open(stack, "de-DE")) {
            admin.signInToCrm("admin", "admin");
            assertEquals("de", admin.driver.findElement(By.tagName("html")).getAttribute("lang"));
            assertTrue(admin.text(By.id("signed-in-as")).contains("Angemeldet als Ada Admin"));
            assertTrue(admin.pageText().contains("Passwort-Zurücksetzungen der letzten 30 Tage"), admin.pageText());

            admin.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("nav a[aria-label='Einstellungen']"))).click();
            admin.waiting().until(ExpectedConditions.elementToBeClickable(By.id("settings-users"))).click();
            admin.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("users-form:search"))).sendKeys("avery");
            admin.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("#users-form\\:users .ui-paginator-current"), "1–1 von 1"));
            admin.waiting().until(ExpectedConditions.elementToBeClickable(By.linkText("Avery Scott"))).click();
            admin.waiting().until(ExpectedConditions.textToBe(By.id("profile-name"), "Avery Scott"));
            assertEquals("Mehr", admin.text(By.id("profile-form:more_button")));

            admin.sendResetLink();
            assertEquals("Erfolg\nDie Anleitung zum Zurücksetzen des Passworts wurde erfolgreich gesendet!",
                    admin.successNotification());
            admin.waitForText(By.id("link-expires"), "in 12 Stunden", java.time.Duration.ofSeconds(10));
            String ticket = admin.value(By.id("ticket-text"));
            assertTrue(ticket.startsWith("Link zum Zurücksetzen des Passworts an Avery Scott"), ticket);
            new Mailbox(stack).awaitLink("avery.scott@example.com", 1);
            admin.screenshot(Path.of(System.getProperty("screenshots.dir", "target/screenshots"), "profile-de.png"));

            admin.go(stack.crmUrl() + "/settings/audit/");
            assertTrue(admin.pageText().contains("Protokoll"));
            assertTrue(admin.pageText().contains("Passwort gesetzt") || admin.pageText().contains("Gesendet"), admin.pageText());
        }
    }
}
