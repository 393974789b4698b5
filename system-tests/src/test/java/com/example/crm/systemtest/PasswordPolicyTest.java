package com.example.crm.systemtest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.crm.systemtest.support.Browser;
import com.example.crm.systemtest.support.KeycloakAdminApi;
import com.example.crm.systemtest.support.Mailbox;
import com.example.crm.systemtest.support.RunningStack;
import com.example.crm.systemtest.support.SystemTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The realm's password policy on the branded page: the rules stated first, each refusal naming its rule. */
@SystemTest
class PasswordPolicyTest {

    @Test
    void refusesWeakPasswordsNamingTheRuleAndAcceptsAStrongOne(RunningStack stack, Browser user) {
        KeycloakAdminApi keycloak = new KeycloakAdminApi(stack);
        Mailbox mailbox = new Mailbox(stack);
        keycloak.sendUpdatePasswordEmail("samuel.hall", 3600);
        openPasswordForm(user, mailbox.awaitLink("samuel.hall@example.com", 1));

        String rules = user.text(By.id("crm-password-rules"));
        assertTrue(rules.contains("Your new password must be:") && rules.contains("12 to 128 characters long")
                && rules.contains("not your username or email address")
                && rules.contains("not a common password or one known from a data breach")
                && rules.contains("not one of your last 5 passwords"), rules);
        user.screenshot(Path.of("target/screenshots/password-rules.png"));

        refused(user, "short-pw", "This password is too short: use at least 12 characters.");
        refused(user, "Password1234", "This password is too common or is known from a data breach");
        refused(user, "samuel.hall@example.com", "Your password cannot be your email address.");
        user.screenshot(Path.of("target/screenshots/password-refused.png"));
        submit(user, "Lantern harbour quietly 7");
        user.awaitPageText("Your new password is set");

        keycloak.sendUpdatePasswordEmail("samuel.hall", 3600);
        // message 2 is the "your password was changed" notice
        openPasswordForm(user, mailbox.awaitLink("samuel.hall@example.com", 3));
        refused(user, "Lantern harbour quietly 7", "You have used this password recently.");
    }

    @Test
    void statesTheRulesAndRefusalsInGerman(RunningStack stack) {
        KeycloakAdminApi keycloak = new KeycloakAdminApi(stack);
        keycloak.sendUpdatePasswordEmail("asher.carter", 3600);
        String link = new Mailbox(stack).awaitLink("asher.carter@example.com", 1);
        try (Browser user = Browser.open(stack, "de-DE")) {
            user.go(link);
            user.waiting().until(ExpectedConditions.elementToBeClickable(By.partialLinkText("Neues Passwort festlegen"))).click();
            String rules = user.text(By.id("crm-password-rules"));
            assertTrue(rules.contains("Ihr neues Passwort muss:") && rules.contains("12 bis 128 Zeichen lang sein")
                    && rules.contains("kein verbreitetes und kein aus einem Datenleck bekanntes Passwort sein"), rules);
            refused(user, "qwertyuiop123", "Dieses Passwort ist zu verbreitet oder aus einem Datenleck bekannt");
            refused(user, "kurz", "Dieses Passwort ist zu kurz: Verwenden Sie mindestens 12 Zeichen.");
            user.screenshot(Path.of("target/screenshots/password-refused-de.png"));
        }
    }

    private static void openPasswordForm(Browser user, String link) {
        user.go(link);
        user.waiting().until(ExpectedConditions.elementToBeClickable(By.partialLinkText("Set my new password"))).click();
        user.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("password-new")));
    }

    private static void refused(Browser user, String password, String rule) {
        submit(user, password);
        user.awaitPageText(rule);
        assertTrue(user.driver.findElements(By.id("password-new")).size() == 1, "the form is shown again");
    }

    private static void submit(Browser user, String password) {
        user.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("password-new"))).clear();
        user.driver.findElement(By.id("password-new")).sendKeys(password);
        user.driver.findElement(By.id("password-confirm")).clear();
        user.driver.findElement(By.id("password-confirm")).sendKeys(password);
        user.driver.findElement(By.cssSelector("#kc-passwd-update-form [type=submit]")).click();
    }
}
