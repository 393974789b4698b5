package com.example.crm.systemtest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.crm.systemtest.support.Browser;
import com.example.crm.systemtest.support.DemoUsers;
import com.example.crm.systemtest.support.DemoUsers.DemoUser;
import com.example.crm.systemtest.support.RunningStack;
import com.example.crm.systemtest.support.SignedInSession;
import com.example.crm.systemtest.support.SystemTest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Settings → Audit log: every attempt, who made it and its outcome, filtered in the database. */
@SystemTest
class AuditLogTest {

    private static final By TABLE = By.id("audit-form:attempts");

    @Test
    void listsTheAttemptAndFiltersByUserAndOutcome(Browser admin) {
        admin.signInToCrm("admin", "admin");
        admin.sendResetLinkTo("mila", "Mila Nguyen");

        admin.driver.findElement(By.cssSelector("nav a[aria-label='Settings']")).click();
        admin.waiting().until(ExpectedConditions.elementToBeClickable(By.id("settings-audit"))).click();
        admin.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("audit-form:user"))).sendKeys("mila");
        admin.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#audit-form\\:attempts .ui-paginator-current"), "of 1"));
        String row = admin.text(By.cssSelector("#audit-form\\:attempts tbody tr"));
        assertTrue(row.contains("Mila Nguyen") && row.contains("admin") && row.contains("Sent"), row);
        admin.screenshot(Path.of("target/screenshots/audit-log.png"));

        admin.choose("audit-form:outcome", "Not sent");
        admin.waiting().until(ExpectedConditions.textToBePresentInElementLocated(TABLE, "No reset attempt matches these filters."));
        assertTrue(!admin.pageText().contains("action-token"), "no reset link is ever shown");
    }

    @Test
    void anEmailChangeIsThereWithWhoAndBothAddressesMasked(RunningStack stack) {
        DemoUser chloe = DemoUsers.of(stack).get("chloe.mitchell");
        SignedInSession admin = SignedInSession.signIn(stack, "admin", "admin");
        HttpResponse<String> profile = admin.get("/settings/users/profile.xhtml?id=" + chloe.id());
        HttpResponse<String> saved = admin.click(profile, "email-form", "email-form:save-email", "profile-form:profile",
                Map.of("email-form:new-email", "chloe.new@elsewhere.example"));
        assertTrue(saved.body().contains("Email address changed"), saved.body());

        String audit = admin.get("/settings/audit/").body();
        int section = audit.indexOf("id=\"email-changes-title\"");
        assertTrue(section > 0, "the audit log has a section for email changes");
        String changes = audit.substring(section);
        assertTrue(changes.contains("Chloe Mitchell") && changes.contains("c***@example.com")
                && changes.contains("c***@elsewhere.example"), "who, from and to, masked");
        assertTrue(!audit.contains("chloe.new@elsewhere.example"), "never the full address");
    }
}
