package com.example.crm.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.crm.systemtest.support.Browser;
import com.example.crm.systemtest.support.Email;
import com.example.crm.systemtest.support.KeycloakAdminApi;
import com.example.crm.systemtest.support.Mailbox;
import com.example.crm.systemtest.support.RunningStack;
import com.example.crm.systemtest.support.SystemTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** "Forgot password?" on the branded sign-in page: its email, and the same link policy as an administrator's links. */
@SystemTest
class SelfServiceResetTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern SELF_SERVICE_LINK = Pattern.compile("(https?://\\S+/login-actions/action-token\\?key=\\S+)");
    private static final String EMAIL_SENT = "If an Acme CRM account has this username or email address, we have sent it a link";

    @Test
    void aUserResetsTheirOwnPasswordFromTheSignInPage(RunningStack stack, Browser user) {
        Mailbox mailbox = new Mailbox(stack);
        Instant asked = askForLink(stack, user, "jacob.campbell");
        user.screenshot(Path.of("target/screenshots/self-service-email-sent.png"));

        Email email = Email.parse(mailbox.awaitMessage("jacob.campbell@example.com", 1, WAIT));
        assertEquals("Your Acme CRM password reset", email.subject());
        assertTrue(email.text().contains("Hello Jacob,") && email.text().contains("You asked to reset the password of your Acme CRM account"),
                email.text());
        assertTrue(email.text().contains("This link expires in 30 minutes, at"), email.text());
        assertTrue(email.html().contains(">Set a new password</a>") && email.html().contains("Acme CRM"), "the reset email's design");
        assertTrue(email.html().contains("If you did not ask for this, ignore this email"), email.html());
        screenshotEmail(user, email, "self-service-email-en.png");

        user.go(link(email));
        setPassword(user, "Copper kettle on Tuesday 9");
        try (Browser again = Browser.open(stack)) {
            again.signInToCrm("jacob.campbell", "Copper kettle on Tuesday 9");
            assertTrue(again.pageText().contains("needs the crm-admin role"), "signed in with the new password");
        }
        assertTrue(Duration.between(asked, Instant.now()).toMinutes() < 5);
    }

    @Test
    void theAdminsOpenProfileShowsTheUsersOwnResetByTheUser(RunningStack stack, Browser admin) {
        admin.signInToCrm("admin", "admin");
        admin.openProfile("ruby", "Ruby Fisher");
        try (Browser user = Browser.open(stack)) {
            askForLink(stack, user, "ruby.fisher@example.com");
            admin.awaitTextWithoutReload(By.id("last-reset"), "by the user", WAIT);
            admin.awaitTextWithoutReload(By.id("link-status"), "Sent", WAIT);
            String ticket = admin.value(By.id("ticket-text"));
            assertTrue(ticket.contains(" by the user (\"Forgot password?\"). The link works until "), ticket);

            user.go(link(Email.parse(new Mailbox(stack).awaitMessage("ruby.fisher@example.com", 1, WAIT))));
            setPassword(user, "Orchard ladder in April 3");
        }
        admin.awaitTextWithoutReload(By.id("link-status"), "Password set", WAIT);
        assertTrue(admin.text(By.id("profile-form:history")).contains("The user (\"Forgot password?\")"), admin.text(By.id("profile-form:history")));
        admin.screenshot(Path.of("target/screenshots/profile-self-service-reset.png"));

        admin.driver.findElement(By.cssSelector("nav a[aria-label='Settings']")).click();
        admin.waiting().until(ExpectedConditions.elementToBeClickable(By.id("settings-audit"))).click();
        admin.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("audit-form:user"))).sendKeys("ruby");
        admin.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#audit-form\\:attempts .ui-paginator-current"), "of 1"));
        String row = admin.text(By.cssSelector("#audit-form\\:attempts tbody tr"));
        assertTrue(row.contains("Ruby Fisher") && row.contains("The user (\"Forgot password?\")") && row.contains("Password set"), row);
    }

    @Test
    void theGermanEmailInTheSameDesign(RunningStack stack) {
        try (Browser user = Browser.open(stack, "de-DE")) {
            askForLink(stack, user, "jackson.clark@example.com");
            Email email = Email.parse(new Mailbox(stack).awaitMessage("jackson.clark@example.com", 1, WAIT));
            assertEquals("Zur\u00fccksetzen Ihres Acme-CRM-Passworts", email.subject());
            assertTrue(email.text().contains("Sie haben angefordert, das Passwort Ihres Acme-CRM-Kontos zur\u00fcckzusetzen"), email.text());
            assertTrue(email.text().contains("Dieser Link l\u00e4uft in 30 Minuten ab, am"), email.text());
            screenshotEmail(user, email, "self-service-email-de.png");
        }
    }

    @Test
    void anUnknownAddressGetsTheSamePage(RunningStack stack, Browser visitor) {
        askForLink(stack, visitor, "nobody.at.all@example.com");
        assertTrue(visitor.pageText().contains(EMAIL_SENT), "no hint whether the address has an account");
    }

    @Test
    void anAdministratorsLinkReplacesTheUsersOwnAndTheOtherWayRound(RunningStack stack, Browser user) {
        KeycloakAdminApi keycloak = new KeycloakAdminApi(stack);
        Mailbox mailbox = new Mailbox(stack);
        askForLink(stack, user, "felix.hayes");
        String own = link(Email.parse(mailbox.awaitMessage("felix.hayes@example.com", 1, WAIT)));
        keycloak.sendUpdatePasswordEmail("felix.hayes", 3600);
        String admins = mailbox.awaitLink("felix.hayes@example.com", 2);

        user.go(own);
        user.awaitPageText("A newer password link has been sent to you, so this one no longer works.");

        askForLink(stack, user, "felix.hayes");
        String ownAgain = link(Email.parse(mailbox.awaitMessage("felix.hayes@example.com", 3, WAIT)));
        user.go(admins);
        user.awaitPageText("A newer password link has been sent to you, so this one no longer works.");

        user.go(ownAgain);
        setPassword(user, "Newest link wins the race 4");
    }

    @Test
    void aSelfServiceLinkPastTheRealmsMaximumIsRefused(RunningStack stack, Browser user) throws InterruptedException {
        KeycloakAdminApi keycloak = new KeycloakAdminApi(stack);
        assertEquals(204, keycloak.setPolicy("1", "1", true));
        try {
            Instant asked = askForLink(stack, user, "iris.morgan");
            Email email = Email.parse(new Mailbox(stack).awaitMessage("iris.morgan@example.com", 1, WAIT));
            assertTrue(email.text().contains("This link expires in 1 minute, at"), "the maximum, not the realm's 30 minutes: " + email.text());
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), asked.plusSeconds(65)).toMillis()));
            user.go(link(email));
            user.awaitPageText("This password link has expired.");
            assertTrue(user.pageText().contains("You can also ask for one yourself: \u201cForgot password?\u201d on the Acme CRM sign-in page."),
                    user.pageText());
        } finally {
            keycloak.setPolicy("720", "1440", true);
        }
    }

    @Test
    void anAddressGetsAtMostThreeEmailsAnHourAndThePageSaysTheSame(RunningStack stack, Browser visitor) throws InterruptedException {
        Mailbox mailbox = new Mailbox(stack);
        for (int email = 1; email <= 3; email++) {
            askForLink(stack, visitor, "hugo.bennett@example.com");
            mailbox.awaitMessage("hugo.bennett@example.com", email, WAIT);
        }
        askForLink(stack, visitor, "hugo.bennett@example.com");
        String page = visitor.pageText();
        assertTrue(page.contains(EMAIL_SENT) && page.contains("An address gets at most 3 of these emails an hour"), page);
        Thread.sleep(5000); // an email, had one been sent, arrives within a second or two here
        assertEquals(3, mailbox.messagesFor("hugo.bennett@example.com").size(), "the fourth was held back");
        assertEquals(1, new KeycloakAdminApi(stack).eventCount("SEND_RESET_PASSWORD_ERROR", "crm"), "Keycloak's events say why");
    }

    /** "Forgot password?" on the sign-in page the CRM sends its visitors to; returns when the request was made. */
    private static Instant askForLink(RunningStack stack, Browser user, String usernameOrEmail) {
        user.driver.manage().deleteAllCookies();
        user.go(stack.crmUrl() + "/");
        user.waiting().until(ExpectedConditions.elementToBeClickable(By.linkText(forgotPassword(user)))).click();
        user.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(usernameOrEmail);
        Instant asked = Instant.now();
        user.driver.findElement(By.cssSelector("#kc-reset-password-form [type=submit]")).click();
        user.waiting().until(d -> d.findElements(By.id("kc-reset-password-form")).isEmpty());
        return asked;
    }

    private static String forgotPassword(Browser user) {
        user.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        return user.driver.findElements(By.linkText("Passwort vergessen?")).isEmpty() ? "Forgot password?" : "Passwort vergessen?";
    }

    private static void setPassword(Browser user, String password) {
        user.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("password-new"))).sendKeys(password);
        user.driver.findElement(By.id("password-confirm")).sendKeys(password);
        user.driver.findElement(By.cssSelector("#kc-passwd-update-form [type=submit]")).click();
        user.waiting().until(d -> d.findElements(By.id("password-new")).isEmpty());
    }

    /** The whole link from the text part, as a user's click opens it (with the tab and client it was asked from). */
    private static String link(Email email) {
        Matcher m = SELF_SERVICE_LINK.matcher(email.text());
        assertTrue(m.find(), email.text());
        return m.group(1);
    }

    private static void screenshotEmail(Browser browser, Email email, String file) {
        browser.go("data:text/html;charset=utf-8;base64,"
                + Base64.getEncoder().encodeToString(email.html().getBytes(StandardCharsets.UTF_8)));
        browser.screenshot(Path.of("target/screenshots", file));
    }
}
