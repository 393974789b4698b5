package com.example.crm.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.crm.systemtest.support.Await;
import com.example.crm.systemtest.support.Browser;
import com.example.crm.systemtest.support.Http;
import com.example.crm.systemtest.support.KeycloakAdminApi;
import com.example.crm.systemtest.support.Mailbox;
import com.example.crm.systemtest.support.RunningStack;
import com.example.crm.systemtest.support.PrometheusText;
import com.example.crm.systemtest.support.SeededUsers;
import com.example.crm.systemtest.support.SignedInSession;
import com.example.crm.systemtest.support.SystemTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/**
 * Two of each behind the load balancer (run with {@code stack.cluster=true}: the cluster execution): whichever node
 * serves a request, the admin sees the same, and losing a node loses neither a link's policy nor the admin's
 * session.
 */
@SystemTest
class ClusterTest {

    private static final int BULK_USERS = 200;
    private static final String SENT = "Success\nReset Password Instruction has been sent successfully!";

    @Test
    void aReportTakenInByEitherInstanceUpdatesTheProfileOpenOnEachWithoutAReload(RunningStack stack, Browser admin) {
        SeededUsers.seed(stack, "live", "cluster.example.com", 1, 700_000);
        try (Browser other = Browser.open(stack); Browser user = Browser.open(stack)) {
            openPinned(stack, admin, "crm-1", "live001", "Live Tester001");
            openPinned(stack, other, "crm-2", "live001", "Live Tester001");

            admin.sendResetLink();
            assertEquals(SENT, admin.successNotification());
            String link = new Mailbox(stack).awaitLink("live001@cluster.example.com", 1);
            user.setNewPassword(link, "Cluster-Wide-Update-42");
            // Neither a server nor the load balancer (whose log line names each request) writes the link down.
            assertEquals(List.of(), stack.logsHoldingAResetLink(link), "no log holds the link");

            admin.awaitTextWithoutReload(By.id("profile-form:history"), "Password set", Duration.ofSeconds(20));
            other.awaitTextWithoutReload(By.id("profile-form:history"), "Password set", Duration.ofSeconds(20));
        }
    }

    @Test
    void whenTheirCrmInstanceAndAKeycloakNodeStopTheAdminGoesOnWhereTheyWere(RunningStack stack, Browser admin) {
        SeededUsers.seed(stack, "failover", "cluster.example.com", 1, 700_010);
        openPinned(stack, admin, "crm-1", "failover001", "Failover Tester001");
        admin.awaitAjaxIdle(); // the admin reads the page: no request of theirs is under way on crm-1 when it stops
        stack.run("stop-node", "crm-1");
        stack.run("stop-node", "kc-1");
        try (Browser user = Browser.open(stack)) {
            // The session is replicated: the profile crm-1 served goes on on crm-2, signed in, without a reload.
            admin.sendResetLink();
            assertEquals(SENT, admin.successNotification());
            assertEquals("crm-2", admin.crmNode());
            user.setNewPassword(new Mailbox(stack).awaitLink("failover001@cluster.example.com", 1), "Survived-A-Node-Loss-7");
            // The page's socket has found crm-2 as well: Keycloak's report (through kc-2) reaches the open page.
            admin.awaitTextWithoutReload(By.id("profile-form:history"), "Password set", Duration.ofSeconds(30));
            assertTrue(admin.driver.getCurrentUrl().contains("/settings/users/profile.xhtml"), admin.driver.getCurrentUrl());
        } finally {
            stack.run("start-node", "kc-1");
            stack.run("start-node", "crm-1");
        }
    }

    @Test
    void aLinkIssuedThroughOneKeycloakNodeIsReplacedByOneThroughTheOtherAndRefusedByBoth(RunningStack stack) {
        SeededUsers.seed(stack, "nodes", "cluster.example.com", 1, 700_020);
        Mailbox mailbox = new Mailbox(stack);
        new KeycloakAdminApi(stack.keycloakNodeUrl("kc-1")).sendUpdatePasswordEmail("nodes001", 3600);
        String older = mailbox.awaitLink("nodes001@cluster.example.com", 1);
        new KeycloakAdminApi(stack.keycloakNodeUrl("kc-2")).sendUpdatePasswordEmail("nodes001", 3600);
        String newer = mailbox.awaitLink("nodes001@cluster.example.com", 2);

        try (Browser user = Browser.open(stack)) {
            for (String node : new String[] {"kc-1", "kc-2"}) {
                user.go(older.replace(stack.keycloakUrl(), stack.keycloakNodeUrl(node)));
                user.awaitPageText("A newer password link has been sent to you, so this one no longer works.");
            }
            user.setNewPassword(newer, "Newest-Link-Works-99");
        }
    }

    @Test
    void aReportLostWithTheKeycloakNodeThatHeldItIsRecoveredFromKeycloaksStoredEvents(RunningStack stack, Browser admin)
            throws InterruptedException {
        SeededUsers.seed(stack, "outbox", "cluster.example.com", 1, 700_030);
        admin.signInToCrm("admin", "admin");
        admin.sendResetLinkTo("outbox001", "Outbox Tester001");
        String link = new Mailbox(stack).awaitLink("outbox001@cluster.example.com", 1);
        stack.run("stop-node", "crm-1");
        stack.run("stop-node", "crm-2");
        try (Browser user = Browser.open(stack)) {
            // Keycloak's report of the new password cannot reach the CRM: it waits in kc-1's memory, and dies with it.
            user.go(stack.keycloakUrl() + "/realms/crm");
            user.driver.manage().addCookie(new Cookie("KC_NODE", "kc-1", "/")); // the load balancer's own cookie
            user.setNewPassword(link, "Report-Lost-With-Its-Node-3");
            stack.kill("kc-1");
            // After a member dies without leaving, Keycloak's cluster health check makes kc-2 "not ready" within
            // seconds (HAProxy then sends it nothing) until it has given up on kc-1, about 50 s here: see the README.
            awaitKeycloakGoneAndBack(stack);
            stack.run("start-node", "crm-1");
            // The CRM asks Keycloak's stored events (through kc-2) when the profile of an open link is opened. (With both
            // instances gone, so are the sessions: the admin is signed in again by Keycloak's session, on kc-2. A
            // sign-in that meets kc-2 not ready ends on an error page, as the README says: the admin tries again.)
            Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
            for (int tries = 1; ; tries++) {
                admin.go(stack.crmUrl() + "/");
                if (admin.shows(By.id("dashboard-title"), Duration.ofSeconds(10)) || Instant.now().isAfter(giveUp)) {
                    System.out.println("sign-in attempts after the Keycloak node's loss: " + tries);
                    break;
                }
            }
            admin.awaitVisible(By.id("dashboard-title"), "dashboard");
            admin.openProfile("outbox001", "Outbox Tester001");
            admin.awaitTextWithoutReload(By.id("profile-form:history"), "Password set", Duration.ofSeconds(30));
        } finally {
            stack.run("start-node", "kc-1");
            stack.run("start-node", "crm-2");
        }
    }

    @Test
    void aBulkRunWhoseInstanceDiesHalfwayFinishesOnTheOtherEmailingNobodyTwice(RunningStack stack) throws SQLException {
        List<String> team = SeededUsers.seed(stack, "grid", "grid.example.com", BULK_USERS, 700_100);
        SignedInSession admin = SignedInSession.signIn(stack, "admin", "admin");
        stack.keycloakProxy.holdAnswersBack("execute-actions-email", Duration.ofMillis(800)); // a run that takes a while
        String run = admin.startBulkRun("grid.example.com");
        String owner = ownerOnceHalfDone(stack, run);
        stack.kill(owner);
        Mailbox mail = new Mailbox(stack);
        stack.keycloakProxy.behave();
        try {
            // The other instance takes the run over once the dead one's claim runs out (and gives it up when done);
            // the admin reads its progress there.
            SignedInSession again = SignedInSession.signIn(stack, "admin", "admin");
            Await.until(() -> again.get("/settings/users/bulk.xhtml?run=" + run).body().contains("Finished"),
                    Duration.ofMinutes(3), "the run finished on the other instance");
            for (String address : team) {
                int emails = mail.messagesFor(address).size();
                assertTrue(emails <= 1, address + " got " + emails + " emails");
            }
            // A send in flight when the instance died may or may not have reached Keycloak; it is not repeated.
            int reached = mail.reached(team);
            assertTrue(reached >= BULK_USERS - 4, "only sends in flight at the kill may be missing: " + reached);
        } finally {
            stack.run("start-node", owner);
        }
    }

    @Test
    void eachTurnOfATimersJobRunsOnOneInstanceOnly(RunningStack stack) throws InterruptedException {
        double before = turnsOnBothInstances(stack, "resuming_stalled_bulk_runs");
        Thread.sleep(60_000); // three turns of the 20-second job
        double turns = turnsOnBothInstances(stack, "resuming_stalled_bulk_runs") - before;
        assertTrue(turns >= 2 && turns <= 4, "3 turns in 60 s across both instances (6 if each ran its own): " + turns);
    }

    private static double turnsOnBothInstances(RunningStack stack, String job) {
        double turns = 0;
        for (String node : new String[] {"crm-1", "crm-2"}) {
            String metrics = Http.get(stack.crmNodeUrl(node).replace("/crm", "") + "/metrics?scope=application").body();
            turns += PrometheusText.value(metrics, "crm_jobs_turns_total", "job=\"" + job + "\"");
        }
        return turns;
    }

    /**
     * The CRM instance (crm-1 or crm-2) holding the bulk run's claim once half its users are done: its process id is
     * the claim's holder's. The CRM's database is asked a few times a second, since reading 200 mailboxes a turn let
     * the run end between two looks.
     */
    private static String ownerOnceHalfDone(RunningStack stack, String run) throws SQLException {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
        try (Connection db = stack.crmDatabase(); PreparedStatement query = db.prepareStatement(
                "SELECT (SELECT COUNT(*) FROM bulk_run_item WHERE bulk_run_id = ? AND outcome <> 'PENDING'),"
                        + " (SELECT holder FROM work_lease WHERE name = ?)")) {
            query.setLong(1, Long.parseLong(run));
            query.setString(2, "bulk-run:" + run);
            while (true) {
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    if (row.getInt(1) >= BULK_USERS / 2) {
                        String holder = row.getString(2);
                        assertTrue(holder != null, "the run is still claimed with " + row.getInt(1) + " users done");
                        String pid = holder.substring(0, holder.indexOf('@'));
                        return stack.pidOf("crm-1").equals(pid) ? "crm-1" : "crm-2";
                    }
                }
                assertTrue(Instant.now().isBefore(giveUp), "half of the run's users done within 2 minutes");
                sleep(200);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void awaitKeycloakGoneAndBack(RunningStack stack) throws InterruptedException {
        String realm = stack.keycloakUrl() + "/realms/crm";
        Instant until = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(until) && Http.get(realm).statusCode() == 200) { // it may not go away at all
            Thread.sleep(1000);
        }
        Await.until(() -> Http.get(realm).statusCode() == 200, Duration.ofMinutes(3),
                "Keycloak answers through the load balancer again");
    }

    /** Has the load balancer send this browser to one CRM instance, signs in there, and opens a profile. */
    private static void openPinned(RunningStack stack, Browser admin, String crmNode, String search, String fullName) {
        admin.go(stack.crmUrl() + "/api/health"); // a page of the CRM's address, to set its cookie on
        admin.pinTo(crmNode);
        assertEquals(crmNode, admin.crmNode(), "the load balancer sends this browser to " + crmNode);
        admin.signInToCrm("admin", "admin");
        admin.openProfile(search, fullName);
    }
}
