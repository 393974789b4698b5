package com.example.crm.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.crm.systemtest.support.Browser;
import com.example.crm.systemtest.support.RunningStack;
import com.example.crm.systemtest.support.SeededLinks;
import com.example.crm.systemtest.support.SeededUsers;
import com.example.crm.systemtest.support.SystemTest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The start page's resets dashboard: the figures, the chart, and each figure leading to the matching attempts. */
@SystemTest
class DashboardTest {

    @Test
    void anAdminSeesTheLast30DaysAndAUserSentManyLinksAndEachFigureLeadsToItsAttempts(RunningStack stack, Browser admin)
            throws SQLException {
        SeededUsers.seed(stack, "dashboard", "dashboard.example.com", 1, 500_000);
        try (Connection db = stack.crmDatabase()) {
            for (int minutes = 30; minutes >= 0; minutes -= 10) {
                SeededLinks.sent(stack, db, 500_001, Instant.now().minus(Duration.ofMinutes(minutes)));
            }
        }

        admin.signInToCrm("admin", "admin");
        admin.waitForText(By.id("dashboard-title"), "Password resets, last 30 days", Duration.ofSeconds(10));
        assertTrue(admin.text(By.id("frequent-recipients")).contains("Dashboard Tester001"), admin.text(By.id("frequent-recipients")));
        assertTrue(admin.text(By.id("frequent-recipients")).contains("4 links"));
        assertTrue(admin.text(By.id("open-links")).startsWith("Links open now:"));
        assertFalse(admin.driver.findElements(By.cssSelector("#dashboard-form\\:per-day canvas")).isEmpty(), "the chart is drawn");
        for (Dimension size : List.of(new Dimension(1280, 800), new Dimension(1920, 1080))) {
            admin.driver.manage().window().setSize(size);
            admin.screenshot(Path.of(System.getProperty("screenshots.dir", "target/screenshots"),
                    "dashboard-" + size.getWidth() + ".png"));
        }

        clickTodaysBar(admin, "Sent, still open");
        admin.waiting().until(ExpectedConditions.urlContains("/settings/audit/"));
        String today = admin.driver.getCurrentUrl().replaceAll(".*from=([0-9-]+).*", "$1");
        assertTrue(admin.driver.getCurrentUrl().contains("outcome=SENT&from=" + today + "&to=" + today), admin.driver.getCurrentUrl());
        assertEquals("Sent", admin.text(By.id("audit-form:outcome_label")), "the audit log opens filtered");
        assertTrue(admin.pageText().contains("Dashboard Tester001"), "the bar's attempts are listed");

        admin.go(stack.crmUrl());
        admin.driver.findElement(By.cssSelector(".crm-dashboard-NOT_SENT")).click();
        admin.waiting().until(ExpectedConditions.urlContains("/settings/audit/"));
        assertTrue(admin.driver.getCurrentUrl().contains("outcome=FAILED"), admin.driver.getCurrentUrl());
        assertEquals("Not sent", admin.text(By.id("audit-form:outcome_label")), "the audit log opens filtered");
    }

    /** Clicks the middle of today's (the last) bar segment of one outcome, where the chart library draws it. */
    private static void clickTodaysBar(Browser admin, String outcome) {
        WebElement canvas = admin.driver.findElement(By.cssSelector("#dashboard-form\\:per-day canvas"));
        @SuppressWarnings("unchecked")
        List<Number> spot = (List<Number>) ((JavascriptExecutor) admin.driver).executeScript(
                "const chart = Chart.getChart(arguments[0]);"
                        + "const set = chart.data.datasets.findIndex(d => d.label === arguments[1]);"
                        + "const bar = chart.getDatasetMeta(set).data[chart.data.labels.length - 1];"
                        + "const box = arguments[0].getBoundingClientRect();"
                        + "return [bar.x - box.width / 2, (bar.y + bar.base) / 2 - box.height / 2];", canvas, outcome);
        new Actions(admin.driver).moveToElement(canvas, spot.get(0).intValue(), spot.get(1).intValue()).click().perform();
    }

    @Test
    void someoneWithoutTheAdminRoleSeesNoFigures(Browser agent) {
        agent.signInToCrm("agent", "agent");
        assertTrue(agent.pageText().contains("User Management needs the crm-admin role"));
        assertTrue(agent.driver.findElements(By.id("dashboard-title")).isEmpty(), "no dashboard without the role");
    }
}
