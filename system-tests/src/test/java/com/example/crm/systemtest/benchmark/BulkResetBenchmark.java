package com.example.crm.systemtest.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.crm.systemtest.support.Browser;
import com.example.crm.systemtest.support.Http;
import com.example.crm.systemtest.support.KeycloakAdminApi;
import com.example.crm.systemtest.support.Mailbox;
import com.example.crm.systemtest.support.RunningStack;
import com.example.crm.systemtest.support.SystemTest;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A bulk send to 500 users through the real stack: 500 Keycloak accounts and their CRM rows, one click, and
 * every email in GreenMail. Not part of `mvn verify`; run it as the README says. Writes target/benchmark-bulk.md.
 */
@Tag("benchmark")
@SystemTest
class BulkResetBenchmark {

    private static final int USERS = 500;
    private static final By PAGE_COUNT = By.cssSelector("#users-form\\:users .ui-paginator-current");

    @Test
    void bulkSendToFiveHundredUsers(RunningStack stack, Browser admin) throws Exception {
        seedUsers(stack);
        admin.signInToCrm("admin", "admin");
        admin.go(stack.crmUrl() + "/settings/users/");
        admin.driver.findElement(By.id("users-form:search")).sendKeys("bulk.example.com");
        admin.waiting().until(ExpectedConditions.textToBePresentInElementLocated(PAGE_COUNT, "of " + USERS));
        admin.waiting().until(ExpectedConditions.elementToBeClickable(By.id("users-form:select-all-matching"))).click();
        admin.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("bulk-selection"), "All " + USERS));
        admin.driver.findElement(By.id("users-form:bulk-send")).click();
        admin.waiting().until(ExpectedConditions.elementToBeClickable(By.id("users-form:bulk-confirm-yes"))).click();

        long start = System.nanoTime();
        admin.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("bulk-form:progress")));
        admin.awaitTextWithoutReload(By.id("progress-text"), "Finished", Duration.ofMinutes(20));
        double seconds = (System.nanoTime() - start) / 1e9;
        admin.driver.navigate().refresh();
        assertEquals(String.valueOf(USERS), admin.text(By.id("count-SENT")).replace(",", ""));

        Mailbox mailbox = new Mailbox(stack);
        for (int i = 1; i <= USERS; i++) {
            mailbox.awaitMessage(address(i), 1, Duration.ofSeconds(30));
        }
        String table = "| bulk send (" + USERS + " users, concurrency 4) | seconds | users per second |\n|---|---|---|\n"
                + String.format(Locale.ROOT, "| click to \"Finished\" (then all %d emails found in GreenMail) | %.0f | %.1f |%n", USERS, seconds, USERS / seconds);
        System.out.println(table);
        Files.writeString(Path.of("target/benchmark-bulk.md"), table);
    }

    private static String address(int i) {
        return String.format(Locale.ROOT, "bulk%03d@bulk.example.com", i);
    }

    /** 500 Keycloak accounts (one partial import) and their CRM rows, linked by Keycloak id. */
    private static void seedUsers(RunningStack stack) throws Exception {
        ObjectNode partial = Http.JSON.createObjectNode().put("ifResourceExists", "SKIP");
        ArrayNode users = partial.putArray("users");
        String url = "jdbc:h2:file:" + stack.dataDir().resolve("crm-db/crm") + ";AUTO_SERVER=TRUE";
        try (Connection c = DriverManager.getConnection(url, "crm", "crm");
             PreparedStatement insert = c.prepareStatement("INSERT INTO crm_user (id, keycloak_id, username, first_name,"
                     + " last_name, email, status, role, search_key) VALUES (?, ?, ?, 'Bulk', ?, ?, 'ACTIVE', 'Sales agent', ?)")) {
            for (int i = 1; i <= USERS; i++) {
                String id = UUID.randomUUID().toString();
                String last = String.format(Locale.ROOT, "Tester%03d", i);
                users.addObject().put("id", id).put("username", "bulk" + i).put("enabled", true).put("firstName", "Bulk")
                        .put("lastName", last).put("email", address(i)).put("emailVerified", true);
                insert.setLong(1, 200_000 + i);
                insert.setString(2, id);
                insert.setString(3, "bulk" + i);
                insert.setString(4, last);
                insert.setString(5, address(i));
                insert.setString(6, ("bulk " + last + " " + address(i)).toLowerCase(Locale.ROOT));
                insert.addBatch();
            }
            new KeycloakAdminApi(stack).partialImport(partial.toString());
            insert.executeBatch();
        }
    }
}
