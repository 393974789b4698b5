package com.example.crm.interfaces.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.crm.application.BulkLedger;
import com.example.crm.application.BulkResets;
import com.example.crm.application.LinkExpiry;
import com.example.crm.domain.model.bulk.BulkRuns;
import com.example.crm.domain.model.user.CrmUser;
import com.example.crm.testsupport.CrmDeployment;
import com.example.crm.testsupport.InTransaction;
import com.example.crm.testsupport.TestUsers;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server's own {@code /health/*} and {@code /metrics} with the CRM's checks and counters, in a real Payara Micro.
 * No Keycloak runs for these tests, and the build points the CRM at an address where nothing answers.
 */
@ExtendWith(ArquillianExtension.class)
class HealthAndMetricsIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Deployment
    static WebArchive deployment() {
        return CrmDeployment.applicationAndPersistence();
    }

    @ArquillianResource
    URL deployed;

    @Inject
    TestUsers users;

    @Inject
    BulkLedger bulkLedger;

    @Inject
    BulkResets bulk;

    @Inject
    BulkRuns runs;

    @Inject
    LinkExpiry expiry;

    @Inject
    InTransaction tx;

    @Test
    void notReadyWhileKeycloakCannotBeReachedAndSaysWhere() throws Exception {
        HttpResponse<String> ready = get("/health/ready");
        assertEquals(503, ready.statusCode(), ready.body());
        String body = ready.body().replace(" ", "");
        assertTrue(body.contains("{\"name\":\"database\",\"status\":\"UP\""), body);
        assertTrue(body.contains("{\"name\":\"migrations\",\"status\":\"UP\""), body);
        assertTrue(body.contains("{\"name\":\"keycloak\",\"status\":\"DOWN\""), body);
        assertTrue(ready.body().contains("Keycloak cannot be reached at http://127.0.0.1:1/realms/crm/.well-known/openid-configuration"),
                ready.body());
    }

    @Test
    void aliveWhileTheMinutesJobKeepsStarting() throws Exception {
        HttpResponse<String> live = get("/health/live");
        assertEquals(200, live.statusCode(), live.body());
        assertTrue(live.body().replace(" ", "").contains("{\"name\":\"schedule\",\"status\":\"UP\""), live.body());
    }

    @Test
    void countsSentAndRefusedResetsAndExpiredLinks() throws Exception {
        // Read before the run-out link exists: the minute's job may expire it at any moment after.
        double sent = metric("crm_resets_sent_total{mp_scope=\"application\"}");
        double refused = metric("crm_resets_refused_total{mp_scope=\"application\",reason=\"inactive\"}");
        double expired = metric("crm_links_closed_total{mp_scope=\"application\",outcome=\"expired\"}");
        CrmUser eligible = users.create("Mia", "Metrics", "mia.metrics@example.com", true, true);
        CrmUser inactive = users.create("Ian", "Inactive", "ian.inactive@example.com", false, true);
        CrmUser runOut = users.create("Rex", "Runout", "rex.runout@example.com", true, true);
        users.sentEarlier(runOut, Duration.ofMinutes(10), Duration.ofMinutes(5));

        long runId = bulkLedger.record("admin", new LinkedHashSet<>(List.of(eligible.getId(), inactive.getId())));
        bulk.resumeUnfinished(); // takes up the run just recorded, as a restarted CRM would
        Instant deadline = Instant.now().plusSeconds(30);
        while (!tx.get(() -> runs.find(runId).orElseThrow().isFinished())) {
            assertTrue(Instant.now().isBefore(deadline), "the bulk run did not finish");
            Thread.sleep(100);
        }
        expiry.expireRunOut(); // the minute's job may have been first: either way the link is counted once

        assertTrue(metric("crm_resets_sent_total{mp_scope=\"application\"}") >= sent + 1);
        assertEquals(refused + 1, metric("crm_resets_refused_total{mp_scope=\"application\",reason=\"inactive\"}"));
        assertTrue(metric("crm_links_closed_total{mp_scope=\"application\",outcome=\"expired\"}") >= expired + 1);
        String page = get("/metrics?scope=application").body();
        assertTrue(!page.contains("example.com") && !page.contains(eligible.getKeycloakId()), "no user data in the metrics");
    }

    private double metric(String series) throws IOException, InterruptedException {
        String page = get("/metrics?scope=application").body();
        Matcher value = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(page);
        assertTrue(value.find(), series + " is not on the page:\n" + page);
        return Double.parseDouble(value.group(1));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        URI server = URI.create(deployed.toString()).resolve("/");
        return http.send(HttpRequest.newBuilder(server.resolve(path.substring(1))).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
