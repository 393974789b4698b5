package com.example.crm.systemtest.benchmark;

import com.example.crm.systemtest.support.Browser;
import com.example.crm.systemtest.support.Http;
import com.example.crm.systemtest.support.KeycloakAdminApi;
import com.example.crm.systemtest.support.RunningStack;
import com.example.crm.systemtest.support.SystemTest;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * How fast the users list answers with 100,000 users, beside Keycloak's own user search on the same 100,000 users in
 * the same run. The CRM's figure is each action's server round trip measured in the browser (Resource Timing from
 * request sent to last byte), so the search box's typing delay is not counted; Keycloak's is {@code GET
 * /admin/realms/crm/users?search=…&first=0&max=20} with a master-admin token, from request sent to last byte. Not
 * part of `mvn verify`; run it as docs/PERFORMANCE.md says. Writes its table to target/benchmark-users-list.md.
 */
@Tag("benchmark")
@SystemTest
class UsersListBenchmark {

    private static final int USERS = Integer.getInteger("benchmark.users", 100_000);
    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 20);
    private static final int WARM_UPS = 2;
    private static final int IMPORT_BATCH = 500;
    private static final String[] TERMS = {"smith", "jones"};
    /** Names only one seeded user has, as an admin looking for someone types them. */
    private static final String[] ONE_USER_TERMS = {"smith012341", "jones012342"};
    /** 2,000 users each, side by side in the name order and far into it, as the bearers of one surname are. */
    private static final String[] TOGETHER_TERMS = {"smith09", "jones09"};

    @Test
    void usersListWithOneHundredThousandUsers(RunningStack stack, Browser admin) throws Exception {
        long seedStart = System.nanoTime();
        seedCrm(stack);
        long seeded = System.nanoTime();
        KeycloakAdminApi keycloak = new KeycloakAdminApi(stack);
        importIntoKeycloak(stack, keycloak);
        String seeding = String.format(Locale.ROOT, "CRM seeded in %.0f s (one INSERT … SELECT), Keycloak in %.0f s "
                + "(partial imports of %d)", (seeded - seedStart) / 1e9, (System.nanoTime() - seeded) / 1e9, IMPORT_BATCH);

        admin.signInToCrm("admin", "admin");
        List<String> rows = new ArrayList<>();
        String begun = loadAverage();

        List<Double> keycloakSearch = new ArrayList<>();
        String token = keycloak.token();
        long tokenAt = System.nanoTime();
        for (int i = 0; i < WARM_UPS + ROUNDS; i++) {
            if (System.nanoTime() - tokenAt > 40e9) { // master's tokens live 60 s; fetched outside the timed call
                token = keycloak.token();
                tokenAt = System.nanoTime();
            }
            double millis = keycloakSearch(stack, token, TERMS[i % 2]);
            if (i >= WARM_UPS) {
                keycloakSearch.add(millis);
            }
        }
        double anchor = Stats.p95(keycloakSearch);
        rows.add(String.format(Locale.ROOT, "| Keycloak `GET /users?search=` (\"smith\" / \"jones\", first=0, max=20) | %.0f | %.0f | 1.00× | %s |",
                Stats.p50(keycloakSearch), anchor, loadAverage()));

        List<Double> pageLoads = new ArrayList<>();
        for (int i = 0; i < WARM_UPS + ROUNDS; i++) {
            admin.go(stack.crmUrl() + "/settings/users/");
            admin.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("users-form:users")));
            double millis = number(admin.driver.executeScript(
                    "var n = performance.getEntriesByType('navigation')[0]; return n.responseEnd - n.requestStart;"));
            if (i >= WARM_UPS) {
                pageLoads.add(millis);
            }
        }
        rows.add(row("open the list (page 1 of " + (USERS / 20) + "+, the whole page)", pageLoads, anchor));

        rows.add(row("go to the last page", measure(admin,
                i -> paginator(admin, "last"), i -> paginator(admin, "first")), anchor));
        rows.add(row("sort by email (ascending / descending in turn)", measure(admin,
                i -> admin.driver.findElement(By.xpath("//th[.//span[text()='Email']]")).click(), null), anchor));
        rows.add(row("sort by role (ascending / descending in turn)", measure(admin,
                i -> admin.driver.findElement(By.xpath("//th[.//span[text()='Role']]")).click(), null), anchor));
        rows.add(row("sort by name (ascending / descending in turn)", measure(admin,
                i -> admin.driver.findElement(By.xpath("//th[.//span[text()='Name']]")).click(), null), anchor));
        rows.add(row("search by name (\"smith\" / \"jones\", 20,000 users each)",
                measure(admin, i -> search(admin, TERMS[i % 2]), null), anchor));
        rows.add(row("search, then its last page", measure(admin,
                i -> paginator(admin, "last"), i -> paginator(admin, "first")), anchor));
        rows.add(row("search for one user (\"smith012341\" / \"jones012342\")",
                measure(admin, i -> search(admin, ONE_USER_TERMS[i % 2]), null), anchor));
        rows.add(row("search matching 2,000 users who sort together (\"smith09\" / \"jones09\")",
                measure(admin, i -> search(admin, TOGETHER_TERMS[i % 2]), null), anchor));
        clearSearch(admin);
        rows.add(row("filter by status: Inactive", measure(admin,
                i -> admin.choose("users-form:status", "Inactive"), i -> admin.choose("users-form:status", "All statuses")), anchor));
        rows.add(row("filter by last reset: Sent", measure(admin,
                i -> admin.choose("users-form:reset-status", "Last reset: Sent"), i -> admin.choose("users-form:reset-status", "Any last reset")), anchor));

        String table = String.format(Locale.ROOT, "Database: %s. %s. Load average (1, 5, 15 min) at the start: %s.%n%n",
                stack.onPostgres ? "PostgreSQL" : "H2", seeding, begun)
                + "| action (" + USERS + " users, " + ROUNDS + " rounds after " + WARM_UPS
                + " warm-ups) | p50 ms | p95 ms | p95 / Keycloak's p95 | load average after |\n|---|---|---|---|---|\n"
                + String.join("\n", rows) + "\n";
        System.out.println(table);
        Files.writeString(Path.of(stack.onPostgres ? "target/benchmark-users-list-postgres.md" : "target/benchmark-users-list.md"), table);
    }

    interface Action {
        void run(int round);
    }

    /**
     * Runs the action WARM_UPS + ROUNDS times; each time after the warm-ups, the server round trip of the ajax request it
     * caused. {@code undo} (not timed) runs after each, when the action is not its own undo.
     */
    private static List<Double> measure(Browser browser, Action action, Action undo) {
        List<Double> durations = new ArrayList<>();
        for (int i = 0; i < WARM_UPS + ROUNDS; i++) {
            double millis = timed(browser, action, i);
            if (i >= WARM_UPS) {
                durations.add(millis);
            }
            if (undo != null) {
                timed(browser, undo, i);
            }
        }
        return durations;
    }

    private static double timed(Browser browser, Action action, int round) {
        browser.driver.executeScript("performance.clearResourceTimings(); window.__ajaxDone = false;"
                + "jQuery(document).one('pfAjaxComplete', function () { window.__ajaxDone = true; });");
        action.run(round);
        new WebDriverWait(browser.driver, Duration.ofSeconds(60))
                .until(d -> Boolean.TRUE.equals(browser.driver.executeScript("return window.__ajaxDone;")));
        return number(browser.driver.executeScript(
                "var e = performance.getEntriesByType('resource').filter(function (r) {"
                        + " return r.initiatorType === 'xmlhttprequest'; });"
                        + "return e[e.length - 1].responseEnd - e[e.length - 1].requestStart;"));
    }

    private static void paginator(Browser browser, String which) {
        browser.driver.findElement(By.cssSelector("#users-form\\:users .ui-paginator-" + which)).click();
    }

    private static void search(Browser browser, String term) {
        var box = browser.driver.findElement(By.id("users-form:search"));
        box.clear();
        box.sendKeys(term);
    }

    private static void clearSearch(Browser browser) {
        timed(browser, i -> browser.driver.findElement(By.id("users-form:search")).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE), 0);
    }

    /** Keycloak's own search for a term, first page of 20, from sending the request to its last byte. */
    private static double keycloakSearch(RunningStack stack, String token, String term) {
        var request = HttpRequest.newBuilder(URI.create(stack.keycloakUrl()
                        + "/admin/realms/crm/users?search=" + term + "&first=0&max=20"))
                .header("Authorization", "Bearer " + token).GET();
        long start = System.nanoTime();
        var response = Http.send(request);
        double millis = (System.nanoTime() - start) / 1e6;
        if (response.statusCode() != 200 || Http.json(response.body()).size() != 20) {
            throw new IllegalStateException("Keycloak's search for " + term + " answered " + response.statusCode());
        }
        return millis;
    }

    private static String row(String action, List<Double> millis, double keycloakP95) {
        double p95 = Stats.p95(millis);
        String row = String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.2f× | %s |", action, Stats.p50(millis), p95,
                p95 / keycloakP95, loadAverage());
        System.out.println(row); // as soon as measured: a later action that fails leaves the earlier rows in the log
        return row;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    private static String firstName(int x) {
        return "Bench" + x % 97;
    }

    private static String lastName(int x) {
        return new String[] {"Smith", "Jones", "Garcia", "Miller", "Nguyen"}[(x + 4) % 5] + String.format(Locale.ROOT, "%06d", x);
    }

    /**
     * Adds the users straight into the CRM's database (H2's AUTO_SERVER mode lets a second process in), with the names
     * and addresses {@link #importIntoKeycloak} gives Keycloak; PostgreSQL then vacuums the table and gathers its
     * statistics, as its autovacuum would soon after (where it is on: on the machines of docs/PERFORMANCE.md it is off).
     */
    private static void seedCrm(RunningStack stack) throws SQLException {
        String range = stack.onPostgres ? "generate_series(1, " + USERS + ") AS t(x)" : "SYSTEM_RANGE(1, " + USERS + ")";
        try (Connection c = crmDatabase(stack); Statement s = c.createStatement()) {
            try (var seeded = s.executeQuery("SELECT COUNT(*) FROM crm_user WHERE username = 'bench" + USERS + "'")) {
                seeded.next();
                if (seeded.getInt(1) > 0) {
                    return; // an attached stack seeded by an earlier run
                }
            }
            s.executeUpdate("INSERT INTO crm_user (id, keycloak_id, username, first_name, last_name, email, status, role, search_key)"
                    + " SELECT 100000 + x, NULL, 'bench' || x, first_name, last_name, email, status, 'Sales agent',"
                    + " LOWER(first_name || ' ' || last_name || ' ' || email) FROM ("
                    + "  SELECT x, 'Bench' || MOD(x, 97) AS first_name,"
                    + "   CASE MOD(x, 5) WHEN 1 THEN 'Smith' WHEN 2 THEN 'Jones' WHEN 3 THEN 'Garcia' WHEN 4 THEN 'Miller'"
                    + "    ELSE 'Nguyen' END || LPAD(CAST(x AS VARCHAR), 6, '0') AS last_name,"
                    + "   'bench' || x || '@example.com' AS email,"
                    + "   CASE WHEN MOD(x, 7) = 0 THEN 'INACTIVE' ELSE 'ACTIVE' END AS status"
                    + "  FROM " + range + ") seed");
            if (stack.onPostgres) {
                s.execute("VACUUM ANALYZE crm_user");
            }
        }
    }

    /**
     * The CRM's database: the stack's own, or with {@code benchmark.crm-database} (a PostgreSQL JDBC URL, user postgres)
     * the database of a stack started by hand under other database names (see docs/PERFORMANCE.md).
     */
    private static Connection crmDatabase(RunningStack stack) throws SQLException {
        String url = System.getProperty("benchmark.crm-database");
        return url == null ? stack.crmDatabase() : DriverManager.getConnection(url, "postgres", "");
    }

    /**
     * The same users into realm crm, by partial imports as an identity administrator would load them; nothing when the
     * realm has as many users already.
     */
    private static void importIntoKeycloak(RunningStack stack, KeycloakAdminApi keycloak) {
        var count = Http.send(HttpRequest.newBuilder(URI.create(stack.keycloakUrl() + "/admin/realms/crm/users/count"))
                .header("Authorization", "Bearer " + keycloak.token()).GET());
        if (Integer.parseInt(count.body().trim()) >= USERS) {
            return; // an attached stack imported by an earlier run
        }
        for (int from = 1; from <= USERS; from += IMPORT_BATCH) {
            ObjectNode body = Http.JSON.createObjectNode().put("ifResourceExists", "SKIP");
            ArrayNode users = body.putArray("users");
            for (int x = from; x < Math.min(USERS + 1, from + IMPORT_BATCH); x++) {
                users.addObject().put("username", "bench" + x).put("firstName", firstName(x)).put("lastName", lastName(x))
                        .put("email", "bench" + x + "@example.com").put("emailVerified", true).put("enabled", true);
            }
            keycloak.partialImport(body.toString());
        }
    }
}
