package com.example.crm.systemtest.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        List<String> addresses = SeededUsers.seed(stack, "bulk", "bulk.example.com", USERS, 200_000);
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
        for (String address : addresses) {
            mailbox.awaitMessage(address, 1, Duration.ofSeconds(30));
        }
        String table = "| bulk send (" + USERS + " users, the default concurrency) | seconds | users per second |\n|---|---|---|\n"
                + String.format(Locale.ROOT, "| click to \"Finished\" (then all %d emails found in GreenMail) | %.0f | %.1f |%n", USERS, seconds, USERS / seconds);
        System.out.println(table);
        Files.writeString(Path.of("target/benchmark-bulk.md"), table);
    }
}
