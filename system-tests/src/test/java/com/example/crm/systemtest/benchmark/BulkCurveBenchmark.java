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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One point of the bulk concurrency curve: a CRM bulk run at the concurrency the CRM was started with
 * ({@code CRM_BULK_CONCURRENCY} in the environment, 8 when unset), click to "Finished", against raw Keycloak
 * {@code execute-actions-email} calls made by as many threads at once on as many other users, on one stack. An
 * untimed CRM run and a pause come first (a CRM just restarted with a new concurrency compiles its code while it runs:
 * on 2 cores the JIT took most of its CPU in a first run), then raw Keycloak is timed before and after the timed CRM run,
 * and the CRM is compared with the mean of the two. Adds its point to target/benchmark-bulk-curve.csv and draws
 * every point there as target/benchmark-bulk-curve.png, and as docs/bulk-concurrency.png once every level of
 * {@link #LEVELS} has its point. docs/PERFORMANCE.md says how to run it once per concurrency.
 */
@Tag("benchmark")
@SystemTest
class BulkCurveBenchmark {

    private static final int USERS = Integer.getInteger("benchmark.bulk.users", 200);
    /**
     * Users of the untimed CRM run before the timed ones (it warms Keycloak's same code as well); 0 times a cold CRM.
     * A Payara Micro just started spends most of its CPU compiling code; 1,000 sends compile most of what a run uses.
     */
    private static final int WARMUP_USERS = Integer.getInteger("benchmark.bulk.warmup-users", 1000);
    /** The pause after the warm-up run, in which the JIT compiles what that run made hot (its queue lags the run). */
    private static final int SETTLE_SECONDS = Integer.getInteger("benchmark.bulk.settle-seconds", 60);
    /** Another run number seeds other users, so that the benchmark can run again on an attached stack it ran on before. */
    private static final int RUN = Integer.getInteger("benchmark.run", 0);
    private static final Path CSV = Path.of("target/benchmark-bulk-curve.csv");
    /** The levels of the documented curve: a run of fewer leaves the picture in the docs as it is. */
    private static final Set<Integer> LEVELS = Set.of(1, 2, 4, 8, 16);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void bulkAgainstRawKeycloakAtTheSameConcurrency(RunningStack stack, Browser admin) throws Exception {
        String configured = System.getenv("CRM_BULK_CONCURRENCY");
        int concurrency = configured == null ? 8 : Integer.parseInt(configured);
        String level = concurrency + "r" + RUN;
        // Each group of users its own CRM ids: 100,000 per run, 25,000 per group, 1,000 per concurrency.
        long ids = 800_000 + RUN * 100_000L + concurrency * 1_000L;
        admin.signInToCrm("admin", "admin");
        if (WARMUP_USERS > 0) {
            crmBulkSeconds(stack, admin, seed(stack, "warmcrm", level, WARMUP_USERS, ids + 75_000), WARMUP_USERS);
            Thread.sleep(SETTLE_SECONDS * 1000L);
        }
        String crmDomain = seed(stack, "curvecrm", level, USERS, ids);
        seed(stack, "curveraw", level, USERS, ids + 25_000);
        seed(stack, "curverawafter", level, USERS, ids + 50_000);

        double rawBefore = USERS / rawSeconds(stack, "curveraw" + level + "x", USERS, concurrency);
        double crm = USERS / crmBulkSeconds(stack, admin, crmDomain, USERS);
        double rawAfter = USERS / rawSeconds(stack, "curverawafter" + level + "x", USERS, concurrency);
        double raw = (rawBefore + rawAfter) / 2;

        TreeMap<Integer, double[]> curve = new TreeMap<>();
        if (Files.exists(CSV)) {
            Files.readAllLines(CSV).stream().skip(1).map(line -> line.split(",")).forEach(cells -> curve.put(
                    Integer.parseInt(cells[0]), new double[] {Double.parseDouble(cells[1]), Double.parseDouble(cells[2])}));
        }
        curve.put(concurrency, new double[] {crm, raw});
        StringBuilder csv = new StringBuilder("concurrency,crm_users_per_second,raw_keycloak_calls_per_second\n");
        curve.forEach((c, point) -> csv.append(String.format(Locale.ROOT, "%d,%.2f,%.2f%n", c, point[0], point[1])));
        Files.writeString(CSV, csv);
        System.out.printf(Locale.ROOT, "%d users at concurrency %d (after a warm-up run of %d): CRM bulk %.1f/s, "
                        + "raw Keycloak %.1f/s (%.1f before, %.1f after the CRM run), ratio %.2f%n",
                USERS, concurrency, WARMUP_USERS, crm, raw, rawBefore, rawAfter, crm / raw);
        List<Path> pictures = new ArrayList<>(List.of(Path.of("target/benchmark-bulk-curve.png")));
        if (curve.keySet().containsAll(LEVELS)) {
            pictures.add(stack.root().resolve("docs/bulk-concurrency.png"));
        }
        CurveChart.draw(curve, pictures);
    }

    /** Seeds {@code count} users linked to Keycloak accounts under {@code <group><level>.example.com}; returns that domain. */
    private static String seed(RunningStack stack, String group, String level, int count, long firstCrmId) {
        String domain = group + level + ".example.com";
        SeededUsers.seed(stack, group + level + "x", domain, count, firstCrmId);
        return domain;
    }

    /** Select all users of the domain, Send Reset Link, confirm: seconds from the confirming click to "Finished". */
    private static double crmBulkSeconds(RunningStack stack, Browser admin, String domain, int users) {
        long start = BulkRunPage.start(stack, admin, domain, users);
        BulkRunPage.awaitFinished(admin);
        double seconds = (System.nanoTime() - start) / 1e9;
        BulkRunPage.assertAllSent(admin, users);
        return seconds;
    }

    /** {@code concurrency} threads send to the raw users (prefix001 ...), each its next user, with a master-admin token. */
    private double rawSeconds(RunningStack stack, String prefix, int users, int concurrency) throws Exception {
        KeycloakAdminApi keycloak = new KeycloakAdminApi(stack);
        ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
        for (int i = 1; i <= users; i++) {
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
