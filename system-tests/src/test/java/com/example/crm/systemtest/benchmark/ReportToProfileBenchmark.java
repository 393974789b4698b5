package com.example.crm.systemtest.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.crm.systemtest.support.Browser;
import com.example.crm.systemtest.support.Http;
import com.example.crm.systemtest.support.KeycloakAdminApi;
import com.example.crm.systemtest.support.Mailbox;
import com.example.crm.systemtest.support.RunningStack;
import com.example.crm.systemtest.support.SeededUsers;
import com.example.crm.systemtest.support.SystemTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * How soon the admin's open profile shows what the user did with the link. Per round: the admin sends a seeded user a
 * link and keeps the profile open (its status "Sent"); the user, in a second Chromium, opens the link from GreenMail on
 * Keycloak's own page and sets a new password; the admin's page changes to "Password set" by itself (Keycloak's
 * report, the CRM's push, the page's refresh of the link's part). Timed on this machine's one clock: from the moment
 * the user's browser submits the password form ({@code Date.now()} in a capturing submit listener on Keycloak's page)
 * to the moment the admin's page shows "Password set" ({@code Date.now()} in a mutation observer), with Keycloak's
 * own event time ({@code UPDATE_CREDENTIAL}, read back from its event store) between the two. 2 warm-up rounds, then
 * {@code -Dbenchmark.rounds} (20 unless set). Not part of `mvn verify`; docs/PERFORMANCE.md says how to run it.
 * Writes target/benchmark-report-to-profile.md.
 */
@Tag("benchmark")
@SystemTest
class ReportToProfileBenchmark {

    private static final int WARM_UPS = 2;
    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 20);
    /** Another run number seeds other users, so that the benchmark can run again on an attached stack it ran on before. */
    private static final int RUN = Integer.getInteger("benchmark.run", 0);
    private static final long FIRST_CRM_ID = 600_000 + RUN * 1_000L;
    private static final String DOMAIN = "report.example.com";

    /** In the admin's page: when the link's status first reads "Password set" (wall clock, as the user's page has). */
    private static final String WATCH_PROFILE = """
            window.__shownAt = null;
            new MutationObserver(function (changes, observer) {
              var status = document.getElementById('link-status');
              if (status && status.textContent.indexOf('Password set') >= 0) {
                window.__shownAt = Date.now();
                window.__shownPerf = performance.now();
                observer.disconnect();
              }
            }).observe(document.body, {childList: true, subtree: true, characterData: true});
            """;
    /**
     * In the admin's page, after the change: the page's last request before it (the refresh the push asked for), as
     * wall-clock start and its server round trip, and the time from its answer to the text shown.
     */
    private static final String REFRESH = """
            var shown = window.__shownPerf, since = arguments[0] - performance.timeOrigin;
            var requests = performance.getEntriesByType('resource').filter(function (r) {
              return (r.initiatorType === 'xmlhttprequest' || r.initiatorType === 'fetch')
                  && r.startTime >= since && r.responseEnd <= shown; });
            var r = requests[requests.length - 1];
            return r ? [performance.timeOrigin + r.startTime, r.responseEnd - r.startTime, shown - r.responseEnd] : null;
            """;
    /** In the user's page (Keycloak's origin): when the password form is submitted; kept across the navigation. */
    private static final String WATCH_SUBMIT = """
            localStorage.removeItem('submittedAt');
            document.addEventListener('submit', function () {
              localStorage.setItem('submittedAt', String(Date.now()));
            }, true);
            """;

    @Test
    void passwordSetShowsOnTheOpenProfile(RunningStack stack, Browser admin) throws Exception {
        int rounds = WARM_UPS + ROUNDS;
        String prefix = "report" + RUN + "x";
        List<String> addresses = SeededUsers.seed(stack, prefix, DOMAIN, rounds, FIRST_CRM_ID);
        KeycloakAdminApi keycloak = new KeycloakAdminApi(stack);
        Mailbox mailbox = new Mailbox(stack);
        admin.signInToCrm("admin", "admin");
        String loadBefore = loadAverage();

        List<Double> submitToShown = new ArrayList<>();
        List<Double> submitToEvent = new ArrayList<>();
        List<Double> eventToShown = new ArrayList<>();
        List<Double> eventToRefresh = new ArrayList<>();
        List<Double> refreshRoundTrip = new ArrayList<>();
        List<Double> answerToShown = new ArrayList<>();
        for (int i = 1; i <= rounds; i++) {
            String username = String.format(Locale.ROOT, "%s%03d", prefix, i);
            admin.go(stack.crmUrl() + "/settings/users/profile.xhtml?id=" + (FIRST_CRM_ID + i));
            admin.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("profile-name")));
            admin.chooseFromMore("profile-form:send-reset-link");
            admin.successNotification();
            String link = mailbox.awaitLink(addresses.get(i - 1), 1);
            admin.awaitTextWithoutReload(By.id("link-status"), "Sent", Duration.ofSeconds(30));
            admin.driver.executeScript(WATCH_PROFILE);

            long submittedAt;
            try (Browser user = Browser.open(stack)) {
                user.go(link);
                user.waiting().until(ExpectedConditions.elementToBeClickable(By.partialLinkText("Set my new password"))).click();
                String password = "Report-bench-" + RUN + "-" + i + "-pw";
                user.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("password-new"))).sendKeys(password);
                user.driver.findElement(By.id("password-confirm")).sendKeys(password);
                user.driver.executeScript(WATCH_SUBMIT);
                user.driver.findElement(By.cssSelector("#kc-passwd-update-form [type=submit]")).click();
                user.awaitPageText("Your new password is set");
                submittedAt = Long.parseLong((String) user.driver.executeScript("return localStorage.getItem('submittedAt');"));
            }
            new WebDriverWait(admin.driver, Duration.ofSeconds(60), Duration.ofMillis(50))
                    .until(d -> admin.driver.executeScript("return window.__shownAt;") != null);
            long shownAt = ((Number) admin.driver.executeScript("return window.__shownAt;")).longValue();
            long eventAt = passwordEventTime(stack, keycloak, keycloak.userId(username));
            @SuppressWarnings("unchecked")
            List<Number> refresh = (List<Number>) admin.driver.executeScript(REFRESH, submittedAt);
            if (i > WARM_UPS) {
                submitToShown.add((double) (shownAt - submittedAt));
                submitToEvent.add((double) (eventAt - submittedAt));
                eventToShown.add((double) (shownAt - eventAt));
                eventToRefresh.add(refresh.get(0).doubleValue() - eventAt);
                refreshRoundTrip.add(refresh.get(1).doubleValue());
                answerToShown.add(refresh.get(2).doubleValue());
            }
        }
        String loadAfter = loadAverage();

        String table = "| " + ROUNDS + " rounds after " + WARM_UPS + " warm-ups | p50 ms | p95 ms |\n|---|---|---|\n"
                + row("password form submitted (user's browser) → \"Password set\" on the admin's open profile", submitToShown)
                + row("  of which: submit → Keycloak's `UPDATE_CREDENTIAL` event time", submitToEvent)
                + row("  of which: Keycloak's event time → \"Password set\" shown (report, push, refresh)", eventToShown)
                + row("    event time → the page's refresh request starts (Keycloak's report to the CRM, its callback,"
                        + " the push, the page's reaction)", eventToRefresh)
                + row("    the refresh request: sent → last byte (CRM server, Resource Timing)", refreshRoundTrip)
                + row("    last byte → \"Password set\" shown (partial render)", answerToShown)
                + "\nLoad average (1, 5, 15 min) before: " + loadBefore + "; after: " + loadAfter + "\n"
                + "\nEach timed round (ms, submit → shown / event → shown): " + pairs(submitToShown, eventToShown) + "\n";
        System.out.println(table);
        Files.writeString(Path.of("target/benchmark-report-to-profile.md"), table);
    }

    /** Keycloak's own time (ms since the epoch, its clock is this machine's) of the user's password change. */
    private static long passwordEventTime(RunningStack stack, KeycloakAdminApi keycloak, String keycloakId) {
        var response = Http.send(HttpRequest.newBuilder(URI.create(stack.keycloakUrl()
                        + "/admin/realms/crm/events?type=UPDATE_CREDENTIAL&max=5&user=" + keycloakId))
                .header("Authorization", "Bearer " + keycloak.token()).GET());
        assertEquals(200, response.statusCode(), response.body());
        JsonNode events = Http.json(response.body());
        assertEquals(1, events.size(), "one password change for the user: " + response.body());
        return events.get(0).path("time").asLong();
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String row(String name, List<Double> samples) {
        return String.format(Locale.ROOT, "| %s | %.0f | %.0f |%n", name, Stats.p50(samples), Stats.p95(samples));
    }

    private static String pairs(List<Double> first, List<Double> second) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            pairs.add(String.format(Locale.ROOT, "%.0f/%.0f", first.get(i), second.get(i)));
        }
        return String.join(", ", pairs);
    }
}
