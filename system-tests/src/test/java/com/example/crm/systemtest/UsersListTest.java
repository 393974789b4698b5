package com.example.crm.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.crm.systemtest.support.Browser;
import com.example.crm.systemtest.support.KeycloakAdminApi;
import com.example.crm.systemtest.support.RunningStack;
import com.example.crm.systemtest.support.SystemTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The users list shows active and inactive accounts and searches in the database; profiles check the address. */
@SystemTest
class UsersListTest {

    @Test
    void profileWarnsAboutAMistypedEmailAndSuggestsTheFix(Browser admin) {
        admin.signInToCrm("admin", "admin");
        admin.openProfile("gina", "Gina Typo");
        assertEquals("This address looks mistyped. Did you mean gina.typo@gmail.com?",
                admin.text(By.cssSelector("#profile-email .crm-email-warning")));
    }

    @Test
    void anAddressThatDiffersFromKeycloaksIsShownAndOneEditSetsBoth(RunningStack stack, Browser admin) {
        admin.signInToCrm("admin", "admin");
        admin.openProfile("marta", "Marta Mismatch");
        admin.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("profile-form:email-check"),
                "Keycloak has old.marta.mismatch@example.com for this account, and reset links go to Keycloak's address."));

        admin.driver.findElement(By.id("profile-form:edit-email")).click();
        WebElement field = admin.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("email-form:new-email")));
        field.clear();
        field.sendKeys("marta at example");
        admin.driver.findElement(By.id("email-form:save-email")).click();
        assertTrue(admin.problemNotification().startsWith("Email address not changed\nThis is not an email address"));
        assertTrue(field.isDisplayed(), "the dialog stays open with what was typed");

        field.clear();
        field.sendKeys("marta.m@example.com");
        admin.driver.findElement(By.id("email-form:save-email")).click();
        assertEquals("Email address changed\nThe new address is saved in the CRM and in Keycloak; reset links go there from now on.",
                admin.successNotification());
        admin.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("profile-email"), "marta.m@example.com"));
        assertTrue(admin.driver.findElements(By.cssSelector("#profile-form\\:email-check .crm-email-mismatch")).isEmpty(),
                "no mismatch any more");
        assertEquals("marta.m@example.com", new KeycloakAdminApi(stack).email("marta.mismatch"));
    }

    @Test
    void listsEveryAccountAndFiltersByStatusAndSearch(RunningStack stack, Browser admin) throws SQLException {
        admin.signInToCrm("admin", "admin");
        admin.driver.findElement(By.cssSelector("nav a[aria-label='Settings']")).click();
        admin.waiting().until(ExpectedConditions.elementToBeClickable(By.id("settings-users"))).click();

        long accounts; // the demo's 116, and those other tests of this run added
        try (Connection db = stack.crmDatabase(); Statement count = db.createStatement();
             ResultSet rows = count.executeQuery("SELECT COUNT(*) FROM crm_user")) {
            rows.next();
            accounts = rows.getLong(1);
        }
        assertTrue(accounts >= 116);
        assertTrue(admin.text(By.cssSelector("#users-form\\:users .ui-paginator-current")).endsWith("of " + accounts),
                "all accounts are listed");

        admin.choose("users-form:status", "Inactive");
        admin.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#users-form\\:users .ui-paginator-current"), "of 7"));
        List<WebElement> badges = admin.driver.findElements(By.cssSelector("#users-form\\:users tbody .crm-status-column .crm-badge"));
        assertEquals(7, badges.size());
        badges.forEach(b -> assertEquals("Inactive", b.getText()));

        admin.driver.findElement(By.id("users-form:search")).sendKeys("william");
        admin.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#users-form\\:users .ui-paginator-current"), "of 1"));
        assertEquals("William Hernandez", admin.text(By.cssSelector("#users-form\\:users tbody .crm-user-link")));
    }

    @Test
    void aSearchsFirstAndLastPagesFollowTheNamesInTheDatabasesOrder(RunningStack stack, Browser admin) throws SQLException {
        List<String> byName = new ArrayList<>(); // the demo's 50 field sales users, as the list sorts them
        try (Connection db = stack.crmDatabase(); Statement query = db.createStatement();
             ResultSet rows = query.executeQuery("SELECT first_name, last_name FROM crm_user WHERE search_key"
                     + " LIKE '%field.example.com%' ORDER BY last_name, first_name, username")) {
            while (rows.next()) {
                byName.add(rows.getString(1) + " " + rows.getString(2));
            }
        }
        assertEquals(50, byName.size());
        admin.signInToCrm("admin", "admin");
        admin.go(stack.crmUrl() + "/settings/users/");
        admin.driver.findElement(By.id("users-form:search")).sendKeys("field.example.com");
        By pageReport = By.cssSelector("#users-form\\:users .ui-paginator-current");
        admin.waiting().until(ExpectedConditions.textToBePresentInElementLocated(pageReport, "1–20 of 50"));
        assertEquals(byName.subList(0, 20), shownNames(admin));

        admin.driver.findElement(By.cssSelector("#users-form\\:users .ui-paginator-last")).click();
        admin.waiting().until(ExpectedConditions.textToBePresentInElementLocated(pageReport, "41–50 of 50"));
        assertEquals(byName.subList(40, 50), shownNames(admin));
    }

    private static List<String> shownNames(Browser admin) {
        return admin.driver.findElements(By.cssSelector("#users-form\\:users tbody .crm-user-link")).stream()
                .map(WebElement::getText).toList();
    }

    @Test
    void everyAddressIsShownWholeAt1280And1920PixelsWide(RunningStack stack, Browser admin) {
        admin.signInToCrm("admin", "admin");
        for (Dimension size : List.of(new Dimension(1280, 800), new Dimension(1920, 1080))) {
            admin.driver.manage().window().setSize(size);
            admin.go(stack.crmUrl() + "/settings/users/");
            admin.driver.findElement(By.id("users-form:search")).sendKeys("field.example.com");
            admin.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("#users-form\\:users .ui-paginator-current"), "of 50"));
            // The third column is Email: any cell whose text is wider than the cell is cut off.
            Object cutOff = admin.driver.executeScript("return Array.from(document.querySelectorAll("
                    + "'#users-form\\\\:users tbody td:nth-child(3)')).filter(td => td.scrollWidth > td.clientWidth)"
                    + ".map(td => td.textContent.trim());");
            assertEquals(List.of(), cutOff, "addresses cut off at " + size);
        }
    }
}
