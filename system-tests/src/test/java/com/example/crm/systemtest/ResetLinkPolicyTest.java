package com.example.crm.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.crm.systemtest.support.Browser;
import com.example.crm.systemtest.support.KeycloakAdminApi;
import com.example.crm.systemtest.support.Mailbox;
import com.example.crm.systemtest.support.RunningStack;
import com.example.crm.systemtest.support.SystemTest;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The extension's expiry policy, held by the real Keycloak whatever its caller asks for. */
@SystemTest
class ResetLinkPolicyTest {

    @Test
    void anOlderLinkStopsWorkingOnceANewerOneIsSent(RunningStack stack, Browser user) {
        KeycloakAdminApi keycloak = new KeycloakAdminApi(stack);
        Mailbox mailbox = new Mailbox(stack);
        keycloak.sendUpdatePasswordEmail("jack.lee", 3600);
        String older = mailbox.awaitLink("jack.lee@example.com", 1);
        keycloak.sendUpdatePasswordEmail("jack.lee", 3600);
        String newer = mailbox.awaitLink("jack.lee@example.com", 2);

        user.go(older);
        user.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                "A newer password link has been sent to you, so this one no longer works."));
        user.setNewPassword(newer, "Only-the-N3west");
    }

    @Test
    void identityAdministratorsSeeAndValidateThePolicyInTheAdminConsole(RunningStack stack, Browser identityAdmin) {
        KeycloakAdminApi keycloak = new KeycloakAdminApi(stack);
        assertEquals(400, keycloak.setPolicy("60", "1441", true), "a maximum above 24 hours is refused");
        assertEquals(400, keycloak.setPolicy("90", "60", true), "a default above the maximum is refused");
        assertEquals("1440", keycloak.policyComponent().path("config").path("max-lifespan-minutes").get(0).asText());

        identityAdmin.go(stack.keycloakUrl() + "/admin/master/console/#/crm/realm-settings/crm-reset-links");
        identityAdmin.signInOnKeycloak("admin", "admin");
        new WebDriverWait(identityAdmin.driver, Duration.ofSeconds(60)).until(ExpectedConditions
                .textToBePresentInElementLocated(By.tagName("body"), "Maximum lifespan (minutes)"));
        String page = identityAdmin.pageText();
        assertTrue(page.contains("CRM reset links"), "the tab is named");
        assertTrue(page.contains("Default lifespan (minutes)") && page.contains("Only the newest link works"), page);
        identityAdmin.screenshot(Path.of("target/screenshots/keycloak-reset-link-policy-tab.png"));
    }
}
