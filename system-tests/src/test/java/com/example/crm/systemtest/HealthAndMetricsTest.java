package com.example.crm.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.crm.systemtest.support.Browser;
import com.example.crm.systemtest.support.Http;
import com.example.crm.systemtest.support.PrometheusText;
import com.example.crm.systemtest.support.RunningStack;
import com.example.crm.systemtest.support.SystemTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/**
 * What an operator's monitoring reads: the CRM's readiness and liveness, its counters on Payara's /metrics, and the
 * reporter's counters on Keycloak's /metrics (management port). Other tests share the stack, so each counter is read
 * before and after, never as an absolute number.
 */
@SystemTest
class HealthAndMetricsTest {

    @Test
    void theCrmIsReadyAndAliveAndNamesEachCheck(RunningStack stack) {
        HttpResponse<String> ready = Http.get(serverOf(stack) + "/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        Map<String, String> checks = new HashMap<>();
        Http.json(ready.body()).get("checks").forEach(check -> checks.put(check.get("name").asText(), check.get("status").asText()));
        assertEquals(Map.of("database", "UP", "keycloak", "UP", "migrations", "UP"), checks);

        HttpResponse<String> live = Http.get(serverOf(stack) + "/health/live");
        assertEquals(200, live.statusCode(), live.body());
        JsonNode schedule = Http.json(live.body()).get("checks").get(0);
        assertEquals("schedule", schedule.get("name").asText());
        assertEquals(200, Http.get(stack.crmUrl() + "/api/health").statusCode(), "the stack's own probe still answers");
    }

    @Test
    void aSentAndARefusedResetCountOnBothServers(RunningStack stack, Browser admin) {
        double sent = crm(stack, "crm_resets_sent_total");
        double noEmail = crm(stack, "crm_resets_refused_total", "reason=\"no_email\"");
        double sendCalls = crm(stack, "crm_keycloak_calls_milliseconds_count", "operation=\"send_reset_email\"");
        double linkSentReports = crm(stack, "crm_reports_received_total", "type=\"link_sent\"");
        double lagCount = crm(stack, "crm_reports_lag_milliseconds_count");
        double queued = keycloak(stack, "crm_reporter_reports_queued_total");
        double delivered = keycloak(stack, "crm_reporter_reports_total", "outcome=\"delivered\"");

        admin.signInToCrm("admin", "admin");
        admin.sendResetLinkTo("henry", "Henry Taylor");
        admin.openProfile("nadia", "Nadia Noemail");
        admin.sendResetLink();
        assertTrue(admin.problemNotification().contains("has no email address in the CRM"));

        assertTrue(crm(stack, "crm_resets_sent_total") >= sent + 1, "sent");
        assertEquals(noEmail + 1, crm(stack, "crm_resets_refused_total", "reason=\"no_email\""), "refused: no email");
        assertTrue(crm(stack, "crm_keycloak_calls_milliseconds_count", "operation=\"send_reset_email\"") >= sendCalls + 1,
                "the call to Keycloak is timed");
        // Keycloak reports the sent link to the CRM after its own transaction, from a thread of its own.
        awaitAtLeast(() -> keycloak(stack, "crm_reporter_reports_queued_total"), queued + 1, "queued in Keycloak");
        awaitAtLeast(() -> keycloak(stack, "crm_reporter_reports_total", "outcome=\"delivered\""), delivered + 1, "delivered");
        awaitAtLeast(() -> crm(stack, "crm_reports_received_total", "type=\"link_sent\""), linkSentReports + 1, "received");
        assertTrue(crm(stack, "crm_reports_lag_milliseconds_count") >= lagCount + 1, "its lag is measured");

        String page = Http.get(serverOf(stack) + "/metrics").body();
        assertTrue(!page.contains("henry") && !page.contains("example.com"), "no user data on /metrics");
    }

    private static String serverOf(RunningStack stack) {
        return "http://localhost:" + stack.crmPort;
    }

    private static double crm(RunningStack stack, String name, String... labels) {
        HttpResponse<String> page = Http.get(serverOf(stack) + "/metrics?scope=application");
        assertEquals(200, page.statusCode());
        return PrometheusText.value(page.body(), name, labels);
    }

    private static double keycloak(RunningStack stack, String name, String... labels) {
        HttpResponse<String> page = Http.get(stack.keycloakManagementUrl() + "/metrics");
        assertEquals(200, page.statusCode());
        return PrometheusText.value(page.body(), name, labels);
    }

    private static void awaitAtLeast(DoubleSupplier value, double least, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        double now = value.getAsDouble();
        while (now < least && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            now = value.getAsDouble();
        }
        assertTrue(now >= least, what + ": " + now + ", expected at least " + least);
    }
}
