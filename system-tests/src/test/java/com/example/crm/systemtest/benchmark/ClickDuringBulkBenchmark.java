package com.example.crm.systemtest.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.crm.systemtest.support.Browser;
import com.example.crm.systemtest.support.RunningStack;
import com.example.crm.systemtest.support.SeededUsers;
import com.example.crm.systemtest.support.SystemTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a bulk run does to an admin's single click, per bulk concurrency: the admin's click More → Send Reset Link on a
 * profile until the success text shows (timed in the page with {@code performance.now()}: a capturing click listener
 * and a mutation observer on the green growl), first with nothing else going on, then while another admin's bulk run
 * to 500 users goes on. For each concurrency of {@code -Dbenchmark.concurrencies} (1,2,4,8 unless set) the CRM is
 * started again with {@code CRM_BULK_CONCURRENCY} set to it (on the stack's H2 data, only Payara Micro restarts).
 * 5 warm-up clicks (the CRM has just started), then {@code -Dbenchmark.rounds} idle clicks (20 unless set) and as many during the run as fit
 * before it finishes (a click the run's end overtook is left out). Not part of `mvn verify`; docs/PERFORMANCE.md says
 * how to run it. Writes target/benchmark-click-during-bulk.md.
 */
@Tag("benchmark")
@SystemTest
class ClickDuringBulkBenchmark {

    /** More than the other benchmarks' 2: the CRM has just been started again for each concurrency. */
    private static final int WARM_UPS = 5;
    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 20);
    private static final int BULK_USERS = Integer.getInteger("benchmark.bulk.users", 500);
    /** Another run number seeds other users, so that the benchmark can run again on an attached stack it ran on before. */
    private static final int RUN = Integer.getInteger("benchmark.run", 0);
    private static final String SUCCESS = "Reset Password Instruction has been sent successfully!";

    /** Marks, in the admin's page, the click on Send Reset Link and the first growl that holds the success text. */
    private static final String MARK_CLICK = """
            var marks = window.__clickMarks = {clicked: null, shown: null};
            var wanted = arguments[0];
            document.addEventListener('click', function (event) {
              if (marks.clicked === null && event.target.closest('[id="profile-form:send-reset-link"]')) {
                marks.clicked = performance.now();
              }
            }, true);
            var observer = new MutationObserver(function () {
              if (marks.clicked === null) { return; }
              var growls = document.querySelectorAll('#success-growl_container .ui-growl-item');
              for (var i = 0; i < growls.length; i++) {
                if (growls[i].textContent.indexOf(wanted) >= 0) {
                  marks.shown = performance.now();
                  observer.disconnect();
                  return;
                }
              }
            });
            observer.observe(document.body, {subtree: true, childList: true, characterData: true});
            """;

    @Test
    void singleClickIdleAndDuringABulkRun(RunningStack stack) throws Exception {
        Map<Integer, String> rows = new LinkedHashMap<>();
        List<Integer> levels = levels(crmConcurrency(stack));
        for (int concurrency : levels) {
            if (crmConcurrency(stack) != concurrency) {
                restartCrmWith(stack, concurrency);
            }
            assertEquals(concurrency, crmConcurrency(stack), "the CRM's CRM_BULK_CONCURRENCY");
            rows.put(concurrency, level(stack, concurrency));
        }
        StringBuilder table = new StringBuilder("| concurrency | idle p50 | idle p95 | during p50 | during p95 | ratio p50"
                + " | ratio p95 | clicks idle / during | bulk run (" + BULK_USERS + " users) | load before → after |\n"
                + "|---|---|---|---|---|---|---|---|---|---|\n");
        levels.stream().sorted().forEach(c -> table.append(rows.get(c)));
        System.out.println(table);
        Files.writeString(Path.of("target/benchmark-click-during-bulk.md"), table);
    }

    /** One concurrency: idle clicks, then clicks while a bulk run goes on; its table row. */
    private static String level(RunningStack stack, int concurrency) {
        String loadBefore = ReportToProfileBenchmark.loadAverage().split(",")[0];
        String tag = "c" + concurrency + "r" + RUN;
        String bulkDomain = "cdbbulk" + tag + ".example.com";
        SeededUsers.seed(stack, "cdbbulk" + tag + "x", bulkDomain, BULK_USERS, 1_000_000 + RUN * 100_000L + concurrency * 10_000L);
        int clickUsers = WARM_UPS + 3 * ROUNDS;
        long firstClickId = 1_500_000 + RUN * 100_000L + concurrency * 10_000L;
        SeededUsers.seed(stack, "cdbclick" + tag + "x", "cdbclick.example.com", clickUsers, firstClickId);

        try (Browser clicker = Browser.open(stack); Browser bulk = Browser.open(stack)) {
            clicker.signInToCrm("admin", "admin");
            bulk.signInToCrm("admin", "admin");
            long next = firstClickId + 1;
            List<Double> idle = new ArrayList<>();
            for (int i = 0; i < WARM_UPS + ROUNDS; i++) {
                double millis = click(clicker, stack, next++);
                if (i >= WARM_UPS) {
                    idle.add(millis);
                }
            }

            long start = BulkRunPage.start(stack, bulk, bulkDomain, BULK_USERS);
            List<Double> during = new ArrayList<>();
            while (during.size() < ROUNDS && next < firstClickId + clickUsers && !BulkRunPage.isFinished(bulk)) {
                double millis = click(clicker, stack, next++);
                if (!BulkRunPage.isFinished(bulk)) {
                    during.add(millis);
                }
            }
            BulkRunPage.awaitFinished(bulk);
            double seconds = (System.nanoTime() - start) / 1e9;
            BulkRunPage.assertAllSent(bulk, BULK_USERS);
            String loadAfter = ReportToProfileBenchmark.loadAverage().split(",")[0];

            String row = String.format(Locale.ROOT, "| %d | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %.2f× | %.2f× | %d / %d"
                            + " | %.0f s, %.1f users/s | %s → %s |%n", concurrency,
                    Stats.p50(idle), Stats.p95(idle), Stats.p50(during), Stats.p95(during),
                    Stats.p50(during) / Stats.p50(idle), Stats.p95(during) / Stats.p95(idle), idle.size(), during.size(),
                    seconds, BULK_USERS / seconds, loadBefore, loadAfter);
            System.out.print(row);
            System.out.println("  idle clicks (ms): " + list(idle) + "\n  during the run (ms): " + list(during));
            return row;
        }
    }

    /** The admin's click on the user's profile: ms from the click to the success text, as the page saw them. */
    @SuppressWarnings("unchecked")
    private static double click(Browser admin, RunningStack stack, long crmUserId) {
        admin.go(stack.crmUrl() + "/settings/users/profile.xhtml?id=" + crmUserId);
        admin.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("profile-name")));
        // The profile's own request on opening (Keycloak's address check) is done before the admin clicks.
        admin.waiting().until(d -> Boolean.TRUE.equals(admin.driver.executeScript(
                "return document.readyState === 'complete' && !!window.PrimeFaces && PrimeFaces.ajax.Queue.isEmpty();")));
        admin.driver.executeScript(MARK_CLICK, SUCCESS);
        admin.chooseFromMore("profile-form:send-reset-link");
        new WebDriverWait(admin.driver, Duration.ofSeconds(60), Duration.ofMillis(20))
                .until(d -> admin.driver.executeScript("return window.__clickMarks.shown;") != null);
        Map<String, Number> marks = (Map<String, Number>) admin.driver.executeScript("return window.__clickMarks;");
        return marks.get("shown").doubleValue() - marks.get("clicked").doubleValue();
    }

    /** The levels to measure, the one the CRM runs with first (it saves a restart). */
    private static List<Integer> levels(int current) {
        List<Integer> levels = new ArrayList<>(Arrays.stream(System.getProperty("benchmark.concurrencies", "1,2,4,8").split(","))
                .map(String::strip).map(Integer::valueOf).toList());
        if (levels.remove(Integer.valueOf(current))) {
            levels.add(0, current);
        }
        return levels;
    }

    /** The bulk concurrency the running CRM was started with: its CRM_BULK_CONCURRENCY, or the default 8. */
    private static int crmConcurrency(RunningStack stack) throws IOException {
        byte[] environment = Files.readAllBytes(Path.of("/proc", stack.pidOf("payara"), "environ"));
        for (String variable : new String(environment).split("\0")) {
            if (variable.startsWith("CRM_BULK_CONCURRENCY=")) {
                return Integer.parseInt(variable.substring("CRM_BULK_CONCURRENCY=".length()));
            }
        }
        return 8;
    }

    /**
     * Stops the CRM and starts it again on the same data with another bulk concurrency, as PERFORMANCE.md does by hand
     * (`stack.sh stop payara`, then `CRM_BULK_CONCURRENCY=c stack.sh up`). The rest of the stack's settings are those
     * the system tests' stack gets; an attached stack is taken to be an H2 one started as PERFORMANCE.md shows.
     */
    private static void restartCrmWith(RunningStack stack, int concurrency) throws IOException, InterruptedException {
        if (stack.onPostgres || stack.cluster) {
            throw new IllegalStateException("this benchmark restarts the CRM of a single-node H2 stack only");
        }
        stack.run("stop", "payara");
        Path dir = stack.dataDir().getParent();
        ProcessBuilder up = new ProcessBuilder(stack.root().resolve("server-config/stack.sh").toString(), "up")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stack-launcher.log").toFile()));
        Map<String, String> environment = up.environment();
        environment.put("STACK_DIR", dir.toString());
        environment.put("CRM_HTTP_PORT", String.valueOf(stack.crmPort));
        environment.put("KEYCLOAK_PORT", String.valueOf(stack.keycloakPort));
        environment.put("KEYCLOAK_MANAGEMENT_PORT", String.valueOf(stack.keycloakManagementPort));
        environment.put("SMTP_PORT", String.valueOf(stack.smtpPort));
        environment.put("MAIL_API_PORT", String.valueOf(stack.mailApiPort));
        environment.put("CRM_BULK_CONCURRENCY", String.valueOf(concurrency));
        if (!stack.attached) {
            environment.put("CRM_COMPANY_NAME", "Acme CRM (system test)");
            environment.put("CRM_KEYCLOAK_ADMIN_URL", "http://localhost:" + stack.keycloakProxy.port());
            environment.put("CRM_KEYCLOAK_READ_TIMEOUT_MS", "8000");
        }
        Process process = up.start();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("the CRM did not start again with concurrency " + concurrency + "; see "
                    + dir.resolve("stack-launcher.log"));
        }
    }

    private static String list(List<Double> samples) {
        return String.join(", ", samples.stream().map(s -> String.format(Locale.ROOT, "%.0f", s)).toList());
    }
}
