package com.example.crm.systemtest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.crm.systemtest.support.Mailbox;
import com.example.crm.systemtest.support.RunningStack;
import com.example.crm.systemtest.support.SeededUsers;
import com.example.crm.systemtest.support.SignedInSession;
import com.example.crm.systemtest.support.SystemTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The CRM's server dies during a bulk run: after a restart the run finishes, and nobody gets a second email. */
@SystemTest
class CrmCrashTest {

    private static final int USERS = 24;
    private static final Pattern RUN = Pattern.compile("bulk\\.xhtml\\?run=(\\d+)");

    @Test
    void aBulkRunCutShortByACrashFinishesAfterTheRestartEmailingNobodyTwice(RunningStack stack) {
        List<String> team = SeededUsers.seed(stack, "crash", "crash.example.com", USERS, 300_000);
        SignedInSession admin = SignedInSession.signIn(stack, "admin", "admin");
        HttpResponse<String> users = admin.get("/settings/users/");
        admin.type(users, "users-form", "users-form:search", "users-form:users users-form:bulk-bar", "crash.example.com");
        admin.click(users, "users-form", "users-form:select-all-matching", "users-form:bulk-bar users-form:users");
        stack.keycloakProxy.holdAnswersBack("execute-actions-email", Duration.ofSeconds(1)); // a run that takes a while
        HttpResponse<String> started = admin.click(users, "users-form", "users-form:bulk-send", "users-form:bulk-bar");
        Matcher run = RUN.matcher(started.body());
        assertTrue(run.find(), "the run started: " + started.body());

        Mailbox mail = new Mailbox(stack);
        awaitUntil(() -> emailed(mail, team) >= 6, Duration.ofSeconds(60), "six users emailed before the crash");
        stack.killCrm();
        stack.keycloakProxy.behave();
        stack.run("up");

        SignedInSession again = SignedInSession.signIn(stack, "admin", "admin");
        awaitUntil(() -> again.get("/settings/users/bulk.xhtml?run=" + run.group(1)).body().contains("Finished"),
                Duration.ofMinutes(3), "the run finished after the restart");
        for (String address : team) {
            int emails = mail.messagesFor(address).size();
            assertTrue(emails <= 1, address + " got " + emails + " emails");
        }
        int reached = emailed(mail, team);
        // A send in flight when the server died may or may not have reached Keycloak; it is not repeated.
        assertTrue(reached >= USERS - 4, "only sends in flight at the crash may be missing: " + reached + " of " + USERS);
    }

    private static int emailed(Mailbox mail, List<String> team) {
        return (int) team.stream().filter(address -> !mail.messagesFor(address).isEmpty()).count();
    }

    private static void awaitUntil(BooleanSupplier condition, Duration limit, String what) {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + limit + ": " + what);
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
