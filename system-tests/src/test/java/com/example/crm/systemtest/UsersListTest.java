package com.example.crm.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.crm.systemtest.support.Browser;
import com.example.crm.systemtest.support.SystemTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The users list shows active and inactive accounts, and searches and filters in the database. */
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
    void listsEveryAccountAndFiltersByStatusAndSearch(Browser admin) {
        admin.signInToCrm("admin", "admin");
        admin.driver.findElement(By.cssSelector("nav a[aria-label='Settings']")).click();
        admin.waiting().until(ExpectedConditions.elementToBeClickable(By.id("settings-users"))).click();

        assertTrue(admin.text(By.cssSelector("#users-form\\:users .ui-paginator-current")).endsWith("of 61"),
                "all demo accounts are listed");

        admin.choose("users-form:status", "Inactive");
        admin.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#users-form\\:users .ui-paginator-current"), "of 7"));
        List<WebElement> badges = admin.driver.findElements(By.cssSelector("#users-form\\:users tbody .crm-badge"));
        assertEquals(7, badges.size());
        badges.forEach(b -> assertEquals("Inactive", b.getText()));

        admin.driver.findElement(By.id("users-form:search")).sendKeys("william");
        admin.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#users-form\\:users .ui-paginator-current"), "of 1"));
        assertEquals("William Hernandez", admin.text(By.cssSelector("#users-form\\:users tbody .crm-user-link")));
    }
}
