package com.example.crm.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.example.crm.systemtest.support.Browser;
import com.example.crm.systemtest.support.RunningStack;
import com.example.crm.systemtest.support.SeededUsers;
import com.example.crm.systemtest.support.SignedInSession;
import com.example.crm.systemtest.support.SystemTest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Every page passes axe-core's WCAG 2.1 A and AA rules with no serious or critical violation, in the states admins
 * see them in: menus open, dialogs open, notifications shown.
 */
@SystemTest
class AccessibilityTest {

    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private final List<String> violations = new ArrayList<>();

    @Test
    void everyPageAnAdminSeesHasNoSeriousOrCriticalViolation(RunningStack stack, Browser admin) {
        admin.signInToCrm("admin", "admin");
        check(admin, "start page");
        admin.go(stack.crmUrl() + "/settings/");
        check(admin, "settings");
        admin.go(stack.crmUrl() + "/settings/users/");
        check(admin, "users list");
        admin.go(stack.crmUrl() + "/settings/audit/");
        check(admin, "audit log");

        admin.openProfile("scarlett", "Scarlett Adams");
        check(admin, "profile");
        admin.driver.findElement(By.id("profile-form:more_button")).click();
        admin.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("profile-form:send-reset-link")));
        check(admin, "profile with More open");
        admin.driver.findElement(By.id("profile-form:send-reset-link")).click();
        admin.successNotification();
        // Checked once it has faded in: half-way its text is still see-through.
        admin.waiting().until(driver -> "1".equals(admin.driver.executeScript("const item = document.querySelector("
                + "'#success-growl_container .ui-growl-item-container'); return item ? getComputedStyle(item).opacity : '';")));
        check(admin, "profile with the success notification");
        admin.driver.executeScript("PF('widget_success_growl').removeAll();"); // the admin closes it
        admin.driver.findElement(By.id("profile-form:edit-email")).click();
        admin.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("email-form:new-email")));
        checkDialog(admin, "Edit email dialog", "#edit-email-dialog");
        admin.driver.findElement(By.id("email-form:new-email")).sendKeys(Keys.ESCAPE);
        admin.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("email-form:new-email")));
        admin.chooseFromMore("profile-form:lock-out");
        admin.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("lock-out-dialog")));
        checkDialog(admin, "Lock out dialog", "#lock-out-dialog");

        admin.go(stack.crmUrl() + "/settings/users/bulk.xhtml?run=" + bulkRun(stack));
        check(admin, "bulk progress");
        admin.go(stack.crmUrl() + "/no-such-page.xhtml");
        check(admin, "404 page");

        assertEquals(List.of(), violations, String.join("\n", violations));
    }

    @Test
    void thePagesSeenWithoutTheRoleOrSignedOutHaveNoSeriousOrCriticalViolation(RunningStack stack, Browser agent) {
        agent.signInToCrm("agent", "agent");
        check(agent, "start page without the role");
        agent.go(stack.crmUrl() + "/settings/users/");
        check(agent, "403 page");
        agent.driver.findElement(By.cssSelector(".crm-sign-out button")).click();
        agent.waiting().until(ExpectedConditions.urlContains("signed-out"));
        check(agent, "signed-out page");
        agent.go(stack.crmUrl() + "/session-expired.xhtml");
        check(agent, "session-expired page");
        assertEquals(List.of(), violations, String.join("\n", violations));
    }

    @Test
    void theJourneyWorksWithTheKeyboardAloneAndTheOutcomeIsAnnounced(RunningStack stack, Browser admin) {
        admin.signInToCrm("admin", "admin");
        admin.openProfile("owen", "Owen Nelson");
        WebElement more = admin.driver.findElement(By.id("profile-form:more_button"));
        for (int tab = 0; tab < 40 && !more.equals(admin.driver.switchTo().activeElement()); tab++) {
            admin.driver.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        assertEquals(more, admin.driver.switchTo().activeElement(), "Tab reaches More");
        String outline = (String) admin.driver.executeScript(
                "return getComputedStyle(document.activeElement).outlineStyle;");
        assertNotEquals("none", outline, "the focus on More is visible");

        more.sendKeys(Keys.ENTER); // opens the menu, and the focus moves to its first item
        admin.waiting().until(driver -> "profile-form:send-reset-link".equals(
                admin.driver.switchTo().activeElement().getAttribute("id")));
        admin.driver.switchTo().activeElement().sendKeys(Keys.ENTER);

        assertEquals("Success\nReset Password Instruction has been sent successfully!", admin.successNotification());
        String live = admin.driver.findElement(By.id("success-growl_container"))
                .getAttribute("aria-live");
        assertTrue("polite".equals(live) || "assertive".equals(live), "the notification is announced: aria-live=" + live);
    }

    /** A finished bulk run of two users of this test's own. */
    private static String bulkRun(RunningStack stack) {
        SeededUsers.seed(stack, "axe", "axe.example.com", 2, 600_000);
        return SignedInSession.signIn(stack, "admin", "admin").startBulkRun("axe.example.com");
    }

    private void check(Browser browser, String page) {
        record(page, new AxeBuilder().withTags(WCAG_21_AA).analyze(browser.driver));
    }

    /** A modal dialog: the page behind its mask cannot be used meanwhile, so the dialog is what is checked. */
    private void checkDialog(Browser browser, String page, String dialog) {
        record(page, new AxeBuilder().withTags(WCAG_21_AA).include(dialog).analyze(browser.driver));
    }

    private void record(String page, Results results) {
        for (Rule rule : results.getViolations()) {
            if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                violations.add(page + ": " + rule.getImpact() + " " + rule.getId() + " (" + rule.getHelp() + ") at "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")));
            }
        }
    }
}
