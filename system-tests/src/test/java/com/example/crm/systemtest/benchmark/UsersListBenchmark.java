package com.example.crm.systemtest.benchmark;

import com.example.crm.systemtest.support.Browser;
import com.example.crm.systemtest.support.RunningStack;
import com.example.crm.systemtest.support.SystemTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * How fast the users list answers with 100,000 users in the CRM: each action's server round trip, measured in
 * the browser (Resource Timing), so the search box's typing delay is not counted. Not part of `mvn verify`;
 * run it as the README says. Prints a table and writes it to target/benchmark-users-list.md.
 */
@Tag("benchmark")
@SystemTest
class UsersListBenchmark {

    private static final int USERS = 100_000;
    private static final int ROUNDS = 15;

    @Test
    void usersListWithOneHundredThousandUsers(RunningStack stack, Browser admin) throws Exception {
        seedUsers(stack);
        admin.signInToCrm("admin", "admin");
        List<String> rows = new ArrayList<>();

        List<Double> pageLoads = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            admin.go(stack.crmUrl() + "/settings/users/");
            admin.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("users-form:users")));
            pageLoads.add(number(admin.driver.executeScript(
                    "var n = performance.getEntriesByType('navigation')[0]; return n.responseEnd - n.requestStart;")));
        }
        rows.add(row("open the list (page 1 of " + (USERS / 20) + "+, full page)", pageLoads));

        rows.add(row("go to the last page", measure(admin, i -> admin.driver.findElement(
                By.cssSelector(i % 2 == 0 ? "#users-form\\:users .ui-paginator-last" : "#users-form\\:users .ui-paginator-first")).click())));
        rows.add(row("sort by email", measure(admin, i -> admin.driver.findElement(
                By.xpath("//th[.//span[text()='Email']]")).click())));
        rows.add(row("search by name (\"smith\")", measure(admin, i -> {
            var box = admin.driver.findElement(By.id("users-form:search"));
            box.clear();
            box.sendKeys(i % 2 == 0 ? "smith" : "jones");
        })));
        rows.add(row("filter by status (Inactive / All)", measure(admin,
                i -> admin.choose("users-form:status", i % 2 == 0 ? "Inactive" : "All statuses"))));

        String table = "| action (" + USERS + " users, " + ROUNDS + " rounds each) | median ms | p90 ms |\n|---|---|---|\n"
                + String.join("\n", rows) + "\n";
        System.out.println(table);
        Files.writeString(Path.of("target/benchmark-users-list.md"), table);
    }

    interface Action {
        void run(int round);
    }

    /** Runs the action ROUNDS times; each time, the duration of the ajax request it caused. */
    private static List<Double> measure(Browser browser, Action action) {
        List<Double> durations = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            browser.driver.executeScript("performance.clearResourceTimings(); window.__ajaxDone = false;"
                    + "jQuery(document).one('pfAjaxComplete', function () { window.__ajaxDone = true; });");
            action.run(i);
            new WebDriverWait(browser.driver, Duration.ofSeconds(60))
                    .until(d -> Boolean.TRUE.equals(browser.driver.executeScript("return window.__ajaxDone;")));
            durations.add(number(browser.driver.executeScript(
                    "var e = performance.getEntriesByType('resource').filter(function (r) {"
                            + " return r.initiatorType === 'xmlhttprequest'; });"
                            + "return e[e.length - 1].responseEnd - e[e.length - 1].requestStart;")));
        }
        return durations;
    }

    private static String row(String action, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        double median = sorted.get(sorted.size() / 2);
        double p90 = sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1);
        return String.format(Locale.ROOT, "| %s | %.0f | %.0f |", action, median, p90);
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    /** Adds the users straight into the CRM's H2 file (its AUTO_SERVER mode lets a second process in). */
    private static void seedUsers(RunningStack stack) throws SQLException, IOException {
        try (Connection c = stack.crmDatabase(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO crm_user (id, keycloak_id, username, first_name, last_name, email, status, role, search_key)"
                    + " SELECT 100000 + x, NULL, 'bench' || x, first_name, last_name, email, status, 'Sales agent',"
                    + " LOWER(first_name || ' ' || last_name || ' ' || email) FROM ("
                    + "  SELECT x, 'Bench' || MOD(x, 97) AS first_name,"
                    + "   CASE MOD(x, 5) WHEN 0 THEN 'Smith' WHEN 1 THEN 'Jones' WHEN 2 THEN 'Garcia' WHEN 3 THEN 'Miller'"
                    + "    ELSE 'Nguyen' END || LPAD(CAST(x AS VARCHAR), 6, '0') AS last_name,"
                    + "   'bench' || x || '@example.com' AS email,"
                    + "   CASE WHEN MOD(x, 7) = 0 THEN 'INACTIVE' ELSE 'ACTIVE' END AS status"
                    + "  FROM SYSTEM_RANGE(1, " + USERS + "))");
        }
    }
}
