package com.example.crm.systemtest.benchmark;

import com.example.crm.systemtest.support.Browser;
import com.example.crm.systemtest.support.Mailbox;
import com.example.crm.systemtest.support.RunningStack;
import com.example.crm.systemtest.support.SeededUsers;
import com.example.crm.systemtest.support.SystemTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A bulk send to 500 users through the real stack: 500 Keycloak accounts and their CRM rows, one click, and
 * every email in GreenMail. Not part of `mvn verify`; run it as the README says. Writes target/benchmark-bulk.md.
 */
@Tag("benchmark")
@SystemTest
class BulkResetBenchmark {

    private static final int USERS = 500;

    @Test
    void bulkSendToFiveHundredUsers(RunningStack stack, Browser admin) throws Exception {
        List<String> addresses = SeededUsers.seed(stack, "bulk", "bulk.example.com", USERS, 200_000);
        admin.signInToCrm("admin", "admin");
        long start = BulkRunPage.start(stack, admin, "bulk.example.com", USERS);
        BulkRunPage.awaitFinished(admin);
        double seconds = (System.nanoTime() - start) / 1e9;
        BulkRunPage.assertAllSent(admin, USERS);

        Mailbox mailbox = new Mailbox(stack);
        for (String address : addresses) {
            mailbox.awaitMessage(address, 1, Duration.ofSeconds(30));
        }
        String table = "| bulk send (" + USERS + " users, the default concurrency) | seconds | users per second |\n|---|---|---|\n"
                + String.format(Locale.ROOT, "| click to \"Finished\" (then all %d emails found in GreenMail) | %.0f | %.1f |%n", USERS, seconds, USERS / seconds);
        System.out.println(table);
        Files.writeString(Path.of("target/benchmark-bulk.md"), table);
    }
}
