package com.example.crm.systemtest.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.crm.systemtest.support.Browser;
import com.example.crm.systemtest.support.KeycloakAdminApi;
import com.example.crm.systemtest.support.RunningStack;
import com.example.crm.systemtest.support.SeededUsers;
import com.example.crm.systemtest.support.SystemTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * One point of the bulk concurrency curve: a CRM bulk run at the concurrency the CRM was started with
 * ({@code CRM_BULK_CONCURRENCY} in the environment, 8 when unset), click to "Finished", against raw Keycloak
 * {@code execute-actions-email} calls made by as many threads at once on as many other users, on one stack. Adds
 * its point to target/benchmark-bulk-curve.csv and draws every point there as target/benchmark-bulk-curve.png and
 * docs/bulk-concurrency.png. docs/PERFORMANCE.md says how to run it once per concurrency.
 */
@Tag("benchmark")
@SystemTest
class BulkCurveBenchmark {

    private static final int USERS = Integer.getInteger("benchmark.bulk.users", 200);
    /** Another run number seeds other users, so that the benchmark can run again on an attached stack it ran on before. */
    private static final int RUN = Integer.getInteger("benchmark.run", 0);
    private static final By PAGE_COUNT = By.cssSelector("#users-form\\:users .ui-paginator-current");
    private static final Path CSV = Path.of("target/benchmark-bulk-curve.csv");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void bulkAgainstRawKeycloakAtTheSameConcurrency(RunningStack stack, Browser admin) throws Exception {
        String configured = System.getenv("CRM_BULK_CONCURRENCY");
        int concurrency = configured == null ? 8 : Integer.parseInt(configured);
        String level = concurrency + "r" + RUN;
        String crmDomain = "curvecrm" + level + ".example.com";
        SeededUsers.seed(stack, "curvecrm" + level + "x", crmDomain, USERS, 800_000 + RUN * 20_000L + concurrency * 1_000L);
        SeededUsers.seed(stack, "curveraw" + level + "x", "curveraw" + level + ".example.com", USERS,
                900_000 + RUN * 20_000L + concurrency * 1_000L);

        double crm = USERS / crmBulkSeconds(stack, admin, crmDomain);
        double raw = USERS / rawSeconds(stack, "curveraw" + level + "x", concurrency);

        TreeMap<Integer, double[]> curve = new TreeMap<>();
        if (Files.exists(CSV)) {
            Files.readAllLines(CSV).stream().skip(1).map(line -> line.split(",")).forEach(cells -> curve.put(
                    Integer.parseInt(cells[0]), new double[] {Double.parseDouble(cells[1]), Double.parseDouble(cells[2])}));
        }
        curve.put(concurrency, new double[] {crm, raw});
        StringBuilder csv = new StringBuilder("concurrency,crm_users_per_second,raw_keycloak_calls_per_second\n");
        curve.forEach((c, point) -> csv.append(String.format(Locale.ROOT, "%d,%.2f,%.2f%n", c, point[0], point[1])));
        Files.writeString(CSV, csv);
        System.out.printf(Locale.ROOT, "%d users at concurrency %d: CRM bulk %.1f/s, raw Keycloak %.1f/s, ratio %.2f%n",
                USERS, concurrency, crm, raw, crm / raw);
        CurveChart.draw(curve, USERS, List.of(Path.of("target/benchmark-bulk-curve.png"),
                stack.root().resolve("docs/bulk-concurrency.png")));
    }

    /** Select all users of the domain, Send Reset Link, confirm: seconds from the confirming click to "Finished". */
    private static double crmBulkSeconds(RunningStack stack, Browser admin, String domain) {
        admin.signInToCrm("admin", "admin");
        admin.go(stack.crmUrl() + "/settings/users/");
        admin.driver.findElement(By.id("users-form:search")).sendKeys(domain);
        admin.waiting().until(ExpectedConditions.textToBePresentInElementLocated(PAGE_COUNT, "of " + USERS));
        admin.waiting().until(ExpectedConditions.elementToBeClickable(By.id("users-form:select-all-matching"))).click();
        admin.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("bulk-selection"), "All " + USERS));
        admin.driver.findElement(By.id("users-form:bulk-send")).click();
        var confirm = admin.waiting().until(ExpectedConditions.elementToBeClickable(By.id("users-form:bulk-confirm-yes")));
        long start = System.nanoTime();
        confirm.click();
        admin.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("bulk-form:progress")));
        admin.awaitTextWithoutReload(By.id("progress-text"), "Finished", Duration.ofMinutes(20));
        double seconds = (System.nanoTime() - start) / 1e9;
        admin.driver.navigate().refresh();
        assertEquals(String.valueOf(USERS), admin.text(By.id("count-SENT")).replace(",", ""));
        return seconds;
    }

    /** {@code concurrency} threads send to the raw users (prefix001 ...), each its next user, with a master-admin token. */
    private double rawSeconds(RunningStack stack, String prefix, int concurrency) throws Exception {
        KeycloakAdminApi keycloak = new KeycloakAdminApi(stack);
        ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
        for (int i = 1; i <= USERS; i++) {
            ids.add(keycloak.userId(String.format(Locale.ROOT, "%s%03d", prefix, i)));
        }
        // master's tokens live 60 s: one shared token, renewed outside the timed calls when it is 30 s old
        AtomicReference<String> token = new AtomicReference<>(keycloak.token());
        long[] tokenAt = {System.nanoTime()};
        String redirect = URLEncoder.encode(stack.crmUrl() + "/", StandardCharsets.UTF_8);
        ExecutorService threads = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<Long>> workers = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            workers.add(threads.submit(() -> {
                long renewals = 0;
                for (String id = ids.poll(); id != null; id = ids.poll()) {
                    synchronized (tokenAt) {
                        if (System.nanoTime() - tokenAt[0] > 30e9) {
                            long before = System.nanoTime();
                            token.set(keycloak.token());
                            tokenAt[0] = System.nanoTime();
                            renewals += tokenAt[0] - before;
                        }
                    }
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.keycloakUrl()
                                    + "/admin/realms/crm/users/" + id + "/execute-actions-email?client_id=crm&lifespan=43200&redirect_uri=" + redirect))
                            .header("Authorization", "Bearer " + token.get())
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString("[\"UPDATE_PASSWORD\"]")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertEquals(204, response.statusCode(), response.body());
                }
                return renewals;
            }));
        }
        long renewals = 0;
        for (Future<Long> worker : workers) {
            renewals += worker.get();
        }
        threads.shutdown();
        return (System.nanoTime() - start - renewals) / 1e9;
    }

}
