package com.example.crm.systemtest.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.crm.systemtest.support.Browser;
import com.example.crm.systemtest.support.RunningStack;
import java.time.Duration;
import java.util.Locale;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A bulk run as the admin starts and follows it: Users → search → Select all matching → Send Reset Link → Yes. */
final class BulkRunPage {

    private static final By PAGE_COUNT = By.cssSelector("#users-form\\:users .ui-paginator-current");
    private static final By PROGRESS = By.id("progress-text");

    private BulkRunPage() {
    }

    /** Starts a run to the {@code users} users of {@code domain}; returns {@link System#nanoTime} of the click on Yes. */
    static long start(RunningStack stack, Browser admin, String domain, int users) {
        admin.go(stack.crmUrl() + "/settings/users/");
        admin.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("users-form:search"))).sendKeys(domain);
        admin.waiting().until(ExpectedConditions.textToBePresentInElementLocated(PAGE_COUNT, "of " + users));
        admin.waiting().until(ExpectedConditions.elementToBeClickable(By.id("users-form:select-all-matching"))).click();
        admin.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("bulk-selection"),
                String.format(Locale.ENGLISH, "All %,d", users))); // the page groups thousands
        admin.driver.findElement(By.id("users-form:bulk-send")).click();
        var yes = admin.waiting().until(ExpectedConditions.elementToBeClickable(By.id("users-form:bulk-confirm-yes")));
        long start = System.nanoTime();
        yes.click();
        admin.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("bulk-form:progress")));
        return start;
    }

    /** Whether the progress page says the run is over. */
    static boolean isFinished(Browser admin) {
        return admin.text(PROGRESS).contains("Finished");
    }

    /** Waits on the progress page, as the admin does, until it says "Finished". */
    static void awaitFinished(Browser admin) {
        admin.awaitTextWithoutReload(PROGRESS, "Finished", Duration.ofMinutes(20));
    }

    /** Reloads the finished run's page and checks that every one of its {@code users} users was sent a link. */
    static void assertAllSent(Browser admin, int users) {
        admin.driver.navigate().refresh();
        assertEquals(String.valueOf(users), admin.text(By.id("count-SENT")).replace(",", ""));
    }
}
