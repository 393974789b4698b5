package com.example.crm.systemtest.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.crm.systemtest.support.Browser;
import com.example.crm.systemtest.support.Http;
import com.example.crm.systemtest.support.KeycloakAdminApi;
import com.example.crm.systemtest.support.PrometheusText;
import com.example.crm.systemtest.support.RunningStack;
import com.example.crm.systemtest.support.SeededUsers;
import com.example.crm.systemtest.support.SystemTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One admin click against Keycloak's own call, side by side on one stack: More → Send Reset Link until the success
 * text shows (timed in the browser), then the raw {@code execute-actions-email} with a master-admin token on another
 * seeded user of the same kind, timed from sending the request to its 204. 2 warm-up pairs ({@code -Dbenchmark.warmups}), then
 * {@code -Dbenchmark.rounds} pairs (20 unless set). Not part of `mvn verify`; docs/PERFORMANCE.md says how to run it.
 * Writes target/benchmark-reset-click.md.
 */
@Tag("benchmark")
@SystemTest
class ResetClickBenchmark {

    /** 2 warm-up pairs unless {@code -Dbenchmark.warmups} says otherwise (the method is 2). */
    private static final int WARM_UPS = Integer.getInteger("benchmark.warmups", 2);
    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 20);
    /** Another run number seeds other users, so that the benchmark can run again on an attached stack it ran on before. */
    private static final int RUN = Integer.getInteger("benchmark.run", 0);
    private static final long FIRST_CRM_ID = 700_000 + RUN * 1_000L;
    private static final long FIRST_RAW_ID = 750_000 + RUN * 1_000L;
    /** The same lifespan the CRM asks for by default (its settings' 12 h would do as well: it changes nothing timed). */
    private static final int LIFESPAN_SECONDS = 43_200;

    /** Records, in the page, when the menu item is clicked, when the ajax request went and came, and when the text shows. */
    private static final String WATCH = """
            window.__t = {};
            var text = arguments[0];
            document.addEventListener('click', function (e) {
              if (!window.__t.click && e.target.closest('[id="profile-form:send-reset-link"]')) { window.__t.click = performance.now(); }
            }, true);
            new MutationObserver(function () {
              if (!window.__t.shown && window.__t.click) {
                var item = document.querySelector('#success-growl_container .ui-growl-item');
                if (item && item.textContent.indexOf(text) >= 0) { window.__t.shown = performance.now(); }
              }
            }).observe(document.body, {childList: true, subtree: true, characterData: true});
            """;
    private static final String TIMINGS = """
            var e = performance.getEntriesByType('resource').filter(function (r) {
              return r.initiatorType === 'xmlhttprequest' && r.startTime >= window.__t.click; });
            var x = e[0];
            return {click: window.__t.click, shown: window.__t.shown, start: x.startTime, requestStart: x.requestStart,
                    responseStart: x.responseStart, responseEnd: x.responseEnd, bytes: x.transferSize};
            """;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void clickAgainstRawKeycloakCall(RunningStack stack, Browser admin) throws Exception {
        int pairs = WARM_UPS + ROUNDS;
        SeededUsers.seed(stack, "clickcrm" + RUN + "x", "click.example.com", pairs, FIRST_CRM_ID);
        SeededUsers.seed(stack, "clickraw" + RUN + "x", "click.example.com", pairs, FIRST_RAW_ID);
        KeycloakAdminApi keycloak = new KeycloakAdminApi(stack);
        admin.signInToCrm("admin", "admin");

        List<Map<String, Number>> clicks = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        double keycloakCallsBefore = 0;
        double keycloakCallMillisBefore = 0;
        for (int i = 1; i <= pairs; i++) {
            if (i == WARM_UPS + 1) {
                String metrics = crmMetrics(stack);
                keycloakCallsBefore = PrometheusText.value(metrics, "crm_keycloak_calls_milliseconds_count", "operation=\"send_reset_email\"");
                keycloakCallMillisBefore = PrometheusText.value(metrics, "crm_keycloak_calls_milliseconds_sum", "operation=\"send_reset_email\"");
            }
            Map<String, Number> click = click(admin, stack, FIRST_CRM_ID + i);
            double rawMillis = rawCall(stack, keycloak, keycloak.userId(String.format(Locale.ROOT, "clickraw%dx%03d", RUN, i)));
            if (i > WARM_UPS) {
                clicks.add(click);
                raw.add(rawMillis);
            }
        }
        String metrics = crmMetrics(stack);
        double keycloakCalls = PrometheusText.value(metrics, "crm_keycloak_calls_milliseconds_count", "operation=\"send_reset_email\"")
                - keycloakCallsBefore;
        double keycloakCallMillis = PrometheusText.value(metrics, "crm_keycloak_calls_milliseconds_sum", "operation=\"send_reset_email\"")
                - keycloakCallMillisBefore;
        assertEquals(ROUNDS, (int) keycloakCalls, "one Keycloak call per timed click");

        List<Double> shown = part(clicks, "click", "shown");
        String table = "| " + ROUNDS + " pairs after " + WARM_UPS + " warm-ups | CRM: click → success text | raw execute-actions-email"
                + " | ratio |\n|---|---|---|---|\n"
                + ratioRow("p50", Stats.p50(shown), Stats.p50(raw))
                + ratioRow("p95", Stats.p95(shown), Stats.p95(raw))
                + "\nWhere the click's time goes (p50 ms, browser Resource Timing; the CRM's own timing of its Keycloak call"
                + " is the mean of its `send_reset_email` histogram over the timed clicks):\n\n"
                + "| part | p50 ms |\n|---|---|\n"
                + row("click → ajax request starts (browser)", Stats.p50(part(clicks, "click", "requestStart")))
                + row("request sent → first byte of the answer (CRM server)", Stats.p50(part(clicks, "requestStart", "responseStart")))
                + row("  of which the CRM's call to Keycloak (mean)", keycloakCallMillis / keycloakCalls)
                + row("first byte → last byte (partial response, " + (int) Stats.p50(values(clicks, "bytes")) + " bytes)",
                        Stats.p50(part(clicks, "responseStart", "responseEnd")))
                + row("last byte → success text shown (browser: partial render, growl)", Stats.p50(part(clicks, "responseEnd", "shown")))
                + "\nEach timed pair (ms): " + pairsList(shown, raw) + "\n";
        System.out.println(table);
        Files.writeString(Path.of("target/benchmark-reset-click.md"), table);
    }

    /** The admin's click on the user's profile, in milliseconds and its parts (performance.now() marks). */
    @SuppressWarnings("unchecked")
    private static Map<String, Number> click(Browser admin, RunningStack stack, long crmUserId) {
        admin.go(stack.crmUrl() + "/settings/users/profile.xhtml?id=" + crmUserId);
        admin.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("profile-name")));
        // The page's own ajax call when it opens (Keycloak's address check) is over before the admin clicks.
        admin.waiting().until(d -> Boolean.TRUE.equals(admin.driver.executeScript(
                "return window.PrimeFaces && PrimeFaces.ajax.Queue.isEmpty() && document.readyState === 'complete';")));
        admin.driver.executeScript(WATCH, "Reset Password Instruction has been sent successfully!");
        admin.waiting().until(ExpectedConditions.elementToBeClickable(By.id("profile-form:more_button"))).click();
        admin.waiting().until(ExpectedConditions.elementToBeClickable(By.id("profile-form:send-reset-link"))).click();
        new WebDriverWait(admin.driver, Duration.ofSeconds(30), Duration.ofMillis(20))
                .until(d -> admin.driver.executeScript("return window.__t.shown;") != null);
        return (Map<String, Number>) admin.driver.executeScript(TIMINGS);
    }

    /** Keycloak's own call, as the CRM makes it (same parameters), with a fresh master-admin token; ms to its 204. */
    private double rawCall(RunningStack stack, KeycloakAdminApi keycloak, String keycloakId) throws Exception {
        String token = keycloak.token();
        String redirect = URLEncoder.encode(stack.crmUrl() + "/", StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.keycloakUrl() + "/admin/realms/crm/users/" + keycloakId
                        + "/execute-actions-email?client_id=crm&redirect_uri=" + redirect + "&lifespan=" + LIFESPAN_SECONDS))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("[\"UPDATE_PASSWORD\"]"))
                .build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        double millis = (System.nanoTime() - start) / 1e6;
        assertEquals(204, response.statusCode(), response.body());
        return millis;
    }

    private static String crmMetrics(RunningStack stack) {
        return Http.get("http://localhost:" + stack.crmPort + "/metrics?scope=application").body();
    }

    private static List<Double> part(List<Map<String, Number>> clicks, String from, String to) {
        return clicks.stream().map(c -> c.get(to).doubleValue() - c.get(from).doubleValue()).toList();
    }

    private static List<Double> values(List<Map<String, Number>> clicks, String name) {
        return clicks.stream().map(c -> c.get(name).doubleValue()).toList();
    }

    private static String ratioRow(String name, double crm, double keycloak) {
        return String.format(Locale.ROOT, "| %s | %.0f ms | %.0f ms | %.2f× |%n", name, crm, keycloak, crm / keycloak);
    }

    private static String row(String name, double millis) {
        return String.format(Locale.ROOT, "| %s | %.0f |%n", name, millis);
    }

    private static String pairsList(List<Double> crm, List<Double> raw) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < crm.size(); i++) {
            pairs.add(String.format(Locale.ROOT, "%.0f/%.0f", crm.get(i), raw.get(i)));
        }
        return String.join(", ", pairs) + " (CRM/raw)";
    }
}
