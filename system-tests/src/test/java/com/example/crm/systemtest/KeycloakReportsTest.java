package com.example.crm.systemtest;

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

/** Keycloak's reports reach the CRM even when it is down at the time, and never slow Keycloak down. */
@SystemTest
class KeycloakReportsTest {

    @Test
    void aResetCompletedWhileTheCrmIsDownIsReportedWhenItIsBack(RunningStack stack, Browser admin) {
        admin.signInToCrm("admin", "admin");
        admin.sendResetLinkTo("benjamin", "Benjamin Gonzalez");
        String profile = admin.driver.getCurrentUrl();
        String link = new Mailbox(stack).awaitLink("benjamin.gonzalez@example.com", 1);

        stack.run("stop", "payara");
        try {
            try (Browser user = Browser.open(stack)) {
                user.setNewPassword(link, "Wh1le-CRM-was-down");
            }
            long start = System.nanoTime();
            new KeycloakAdminApi(stack).sendUpdatePasswordEmail("charlotte.wilson", 3600);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 5000, "Keycloak answered in " + millis + " ms with the CRM down");
        } finally {
            stack.run("up");
        }

        // The CRM's restart ended the admin's CRM session; Keycloak's single sign-on brings the admin back.
        admin.go(stack.crmUrl() + "/");
        admin.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in-as")));
        admin.go(profile);
        admin.waitForText(By.id("profile-form:history"), "Password set", Duration.ofSeconds(150));
    }
}
