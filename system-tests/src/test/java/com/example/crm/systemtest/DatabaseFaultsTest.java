package com.example.crm.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.crm.systemtest.support.Await;
import com.example.crm.systemtest.support.DemoUsers;
import com.example.crm.systemtest.support.DemoUsers.DemoUser;
import com.example.crm.systemtest.support.Http;
import com.example.crm.systemtest.support.Mailbox;
import com.example.crm.systemtest.support.PageText;
import com.example.crm.systemtest.support.RunningStack;
import com.example.crm.systemtest.support.SeededUsers;
import com.example.crm.systemtest.support.SignedInSession;
import com.example.crm.systemtest.support.SystemTest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The CRM's PostgreSQL database unreachable (a real TCP proxy between the CRM and the database, cut): the admin is told
 * that nothing was sent, the CRM says it is not ready, nothing is lost, a bulk run finishes emailing everyone once, and
 * it recovers by itself. Runs on PostgreSQL.
 */
@SystemTest
@EnabledIfSystemProperty(named = "stack.db", matches = "postgres", disabledReason = "the database proxy is on the PostgreSQL stack")
class DatabaseFaultsTest {

    private static final String SUCCESS = "Reset Password Instruction has been sent successfully!";
    private static final int BULK_USERS = 20;

    private RunningStack stack;

    @BeforeEach
    void useThe(RunningStack stack) {
        this.stack = stack;
    }

    @AfterEach
    void databaseAndKeycloakAnswerAgain() {
        if (stack != null) {
            stack.databaseProxy.behave();
            stack.keycloakProxy.behave();
        }
    }

    @Test
    void aClickWhileTheDatabaseIsDownSendsNothingAndSaysWhyAndTheNextClickWorks() throws InterruptedException {
        DemoUser michael = DemoUsers.of(stack).get("michael.allen");
        SignedInSession admin = SignedInSession.signIn(stack, "admin", "admin");
        HttpResponse<String> profile = admin.get(profileOf(michael));

        stack.databaseProxy.cutConnections();
        HttpResponse<String> click = sendResetLink(admin, profile);

        assertTrue(click.body().contains("database is not answering, so no reset link was sent"),
                PageText.notifications(click.body()));
        assertFalse(click.body().contains(SUCCESS));
        assertEquals(503, Http.get(stack.crmUrl() + "/api/health").statusCode(), "the CRM says it is not ready");
        Thread.sleep(3000);
        assertEquals(0, new Mailbox(stack).messagesFor(michael.email()).size(), "nothing was sent");

        stack.databaseProxy.behave();
        awaitHealthy();
        HttpResponse<String> again = sendResetLink(admin, admin.get(profileOf(michael)));
        assertTrue(again.body().contains(SUCCESS), PageText.notifications(again.body()));
        new Mailbox(stack).awaitMessage(michael.email(), 1, Duration.ofSeconds(30));
        Thread.sleep(2000);
        assertEquals(1, new Mailbox(stack).messagesFor(michael.email()).size(), "one click, one email");
    }

    @Test
    void aSendTheDatabaseFailedToRecordIsConfirmedByKeycloakOnceTheDatabaseIsBack() throws Exception {
        DemoUser logan = DemoUsers.of(stack).get("logan.green");
        SignedInSession admin = SignedInSession.signIn(stack, "admin", "admin");
        HttpResponse<String> profile = admin.get(profileOf(logan));

        // Keycloak sends the email; its answer is held back while the database goes away, so the CRM cannot record it.
        stack.keycloakProxy.holdAnswersBack("execute-actions-email", Duration.ofSeconds(5));
        CompletableFuture<HttpResponse<String>> click = CompletableFuture.supplyAsync(() -> sendResetLink(admin, profile));
        new Mailbox(stack).awaitMessage(logan.email(), 1, Duration.ofSeconds(30));
        stack.databaseProxy.cutConnections();
        HttpResponse<String> answer = click.get();

        assertTrue(answer.body().contains(SUCCESS), "the email went out, and the admin is told so: "
                + PageText.notifications(answer.body()));
        Thread.sleep(3000); // Keycloak's report of the send arrives meanwhile and cannot be applied
        stack.databaseProxy.behave();
        awaitHealthy();

        awaitLatestRequest(logan, "SENT", Duration.ofSeconds(90)); // Keycloak's report, retried, confirms it
        assertEquals(1, new Mailbox(stack).messagesFor(logan.email()).size());
    }

    @Test
    void aBulkRunThroughADatabaseOutageFinishesAndEmailsEveryoneOnce() throws InterruptedException {
        List<String> team = SeededUsers.seed(stack, "outage", "outage.example.com", BULK_USERS, 400_000);
        SignedInSession admin = SignedInSession.signIn(stack, "admin", "admin");
        stack.keycloakProxy.holdAnswersBack("execute-actions-email", Duration.ofSeconds(1)); // a run that takes a while
        String run = admin.startBulkRun("outage.example.com");

        Mailbox mail = new Mailbox(stack);
        Await.until(() -> mail.reached(team) >= 4, Duration.ofSeconds(60), "four users emailed before the outage");
        stack.databaseProxy.cutConnections();
        Thread.sleep(6000);
        stack.databaseProxy.behave();
        stack.keycloakProxy.behave();

        Await.until(() -> admin.get("/settings/users/bulk.xhtml?run=" + run).body().contains("Finished"),
                Duration.ofMinutes(3), "the run finished after the outage");
        Await.until(() -> mail.reached(team) == BULK_USERS, Duration.ofSeconds(60), "every user emailed");
        Thread.sleep(2000);
        for (String address : team) {
            assertEquals(1, mail.messagesFor(address).size(), address + " is emailed once");
        }
    }

    private void awaitHealthy() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Http.get(stack.crmUrl() + "/api/health").statusCode() != 200) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the CRM did not become healthy again within 60 s of the database's return");
            }
            Thread.sleep(500);
        }
    }

    private void awaitLatestRequest(DemoUser user, String status, Duration limit) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        String latest = "";
        while (Instant.now().isBefore(deadline)) {
            try (Connection db = stack.crmDatabase();
                 PreparedStatement query = db.prepareStatement("SELECT status FROM reset_request WHERE crm_user_id = ?"
                         + " ORDER BY requested_at DESC")) {
                query.setLong(1, user.id());
                try (ResultSet rows = query.executeQuery()) {
                    latest = rows.next() ? rows.getString(1) : "none";
                }
            } catch (SQLException e) {
                latest = e.getMessage();
            }
            if (status.equals(latest)) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the latest reset request of " + user.username() + " stayed " + latest);
    }

    private static HttpResponse<String> sendResetLink(SignedInSession admin, HttpResponse<String> profile) {
        return admin.click(profile, "profile-form", "profile-form:send-reset-link", "profile-form:profile");
    }

    private static String profileOf(DemoUser user) {
        return "/settings/users/profile.xhtml?id=" + user.id();
    }
}
