package com.example.crm.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.crm.systemtest.support.Browser;
import com.example.crm.systemtest.support.KeycloakAdminApi;
import com.example.crm.systemtest.support.Mailbox;
import com.example.crm.systemtest.support.RunningStack;
import com.example.crm.systemtest.support.SystemTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** More → Lock out and send reset link, for an account someone else may be using. */
@SystemTest
class LockOutTest {

    private static final String USERNAME = "mason.wright";
    private static final String ADDRESS = "mason.wright@example.com";
    private static final String OLD_PASSWORD = "Le4ked-old-password";

    @Test
    void lockingOutEndsTheSessionRefusesTheOldPasswordAndTheLinkSetsANewOne(RunningStack stack, Browser admin) {
        KeycloakAdminApi keycloak = new KeycloakAdminApi(stack);
        keycloak.setPassword(USERNAME, OLD_PASSWORD);
        try (Browser user = Browser.open(stack)) {
            user.go(stack.crmUrl() + "/");
            user.signInOnKeycloak(USERNAME, OLD_PASSWORD);
            user.waiting().until(ExpectedConditions.urlContains(stack.crmUrl()));
            assertEquals(1, keycloak.sessionCount(USERNAME));
            assertTrue(signedInWithoutBeingAsked(stack, user), "the user's Keycloak session works before the lock-out");

            admin.signInToCrm("admin", "admin");
            admin.openProfile("mason", "Mason Wright");
            atBothWidths(admin, "profile-more-menu", () -> openMoreMenu(admin));
            admin.chooseFromMore("profile-form:lock-out");
            String dialog = admin.text(By.id("lock-out-dialog"));
            assertTrue(dialog.contains("Mason Wright is signed out of every session, on every device."), dialog);
            assertTrue(dialog.contains("The current password stops working."), dialog);
            assertTrue(dialog.contains("A reset link is emailed to " + ADDRESS), dialog);
            atBothWidths(admin, "profile-lock-out-dialog",
                    () -> admin.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("lock-out-dialog"))));
            admin.waiting().until(ExpectedConditions.elementToBeClickable(By.id("lock-out-form:confirm-lock-out"))).click();
            assertEquals("Locked out\nMason Wright was signed out of every session, the old password no longer works,"
                    + " and a reset link was sent to set a new one.", admin.successNotification());
            assertTrue(admin.text(By.id("profile-form:history")).contains("Lock-out"));

            assertEquals(0, keycloak.sessionCount(USERNAME));
            assertFalse(signedInWithoutBeingAsked(stack, user), "the user's old session still signs them in");
        }
        try (Browser attacker = Browser.open(stack)) {
            attacker.go(stack.crmUrl() + "/");
            attacker.signInOnKeycloak(USERNAME, OLD_PASSWORD);
            attacker.awaitPageText("Invalid username or password.");
        }
        String link = new Mailbox(stack).awaitLink(ADDRESS, 1);
        try (Browser user = Browser.open(stack)) {
            user.setNewPassword(link, "N3w-and-only-mine");
            user.go(stack.crmUrl() + "/");
            user.signInOnKeycloak(USERNAME, "N3w-and-only-mine");
            user.waiting().until(ExpectedConditions.urlContains(stack.crmUrl()));
        }
        admin.awaitTextWithoutReload(By.id("link-status"), "Password set", Duration.ofSeconds(20));
        admin.go(stack.crmUrl() + "/settings/audit/");
        assertTrue(admin.text(By.tagName("body")).contains("Locked out: signed out everywhere, old password removed."));
    }

    /** Opens Keycloak's sign-in for the CRM: a live session goes straight back to the CRM, an ended one asks again. */
    private static boolean signedInWithoutBeingAsked(RunningStack stack, Browser user) {
        user.go(stack.keycloakUrl() + "/realms/crm/protocol/openid-connect/auth?client_id=crm&response_type=code&scope=openid"
                + "&redirect_uri=" + URLEncoder.encode(stack.crmUrl() + "/", StandardCharsets.UTF_8));
        user.waiting().until(d -> d.getCurrentUrl().startsWith(stack.crmUrl()) || !d.findElements(By.id("username")).isEmpty());
        return user.driver.getCurrentUrl().startsWith(stack.crmUrl());
    }

    /** What the admin sees, at the two widths the pages are checked at (a resized window closes an open menu). */
    private static void atBothWidths(Browser admin, String name, Runnable show) {
        for (Dimension size : List.of(new Dimension(1280, 900), new Dimension(1920, 1080), new Dimension(1280, 900))) {
            admin.driver.manage().window().setSize(size);
            pause(Duration.ofMillis(700)); // the page lays itself out again
            show.run();
            admin.screenshot(Path.of("target/screenshots/" + name + "-" + size.getWidth() + ".png"));
        }
    }

    /** Opens More, clicking it again when a click landed while the page was still busy. */
    private static void openMoreMenu(Browser admin) {
        admin.waiting().until(d -> {
            if (d.findElement(By.id("profile-form:lock-out")).isDisplayed()) {
                return true;
            }
            d.findElement(By.id("profile-form:more_button")).click();
            return false;
        });
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
