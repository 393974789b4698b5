package com.example.crm.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.crm.systemtest.support.Browser;
import com.example.crm.systemtest.support.Email;
import com.example.crm.systemtest.support.KeycloakAdminApi;
import com.example.crm.systemtest.support.Mailbox;
import com.example.crm.systemtest.support.RunningStack;
import com.example.crm.systemtest.support.SystemTest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The reset email as the end user reads it: the CRM's brand, the link, when it expires, and what to do if unexpected. */
@SystemTest
class BrandedEmailTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void englishEmailHasBrandButtonLinkExpiryAndReassurance(RunningStack stack) {
        Instant sent = Instant.now();
        new KeycloakAdminApi(stack).sendUpdatePasswordEmail("lucas.anderson", 43200);
        String raw = new Mailbox(stack).awaitMessage("lucas.anderson@example.com", 1, WAIT);
        Email email = Email.parse(raw);
        String link = Mailbox.actionLink(raw);

        assertEquals("Reset your Acme CRM password", email.subject());
        assertTrue(email.html().contains("Acme CRM"), "brand in the header");
        assertTrue(email.html().contains("Hello Lucas,"), email.html());
        assertTrue(email.html().contains(">Set a new password</a>"), "a clear button");
        assertTrue(email.html().contains("href=\"" + link + "\""), "the button opens the link");
        assertStatesExpiry(email.html(), sent);
        assertTrue(email.html().contains("your password has not changed"), email.html());
        assertTrue(email.html().contains("support@crm.example.com"), "whom to contact");

        assertTrue(email.text().contains(link), "the text part carries the link");
        assertStatesExpiry(email.text(), sent);
        assertTrue(email.text().contains("If you did not expect this email, you can ignore it"), email.text());
    }

    @Test
    void userWithGermanLocaleGetsTheGermanEmail(RunningStack stack) {
        new KeycloakAdminApi(stack).sendUpdatePasswordEmail("mateo.lewis", 3600);
        Email email = Email.parse(new Mailbox(stack).awaitMessage("mateo.lewis@example.com", 1, WAIT));

        assertEquals("Setzen Sie Ihr Acme-CRM-Passwort zur\u00fcck", email.subject());
        assertTrue(email.html().contains(">Neues Passwort festlegen</a>"), email.html());
        assertTrue(email.text().contains("Hallo Mateo,"), email.text());
        assertTrue(email.text().contains("Ihr Passwort wurde nicht ge\u00e4ndert"), email.text());
    }

    @Test
    void aScriptInTheUsersNameIsShownAsText(RunningStack stack, Browser admin) {
        new KeycloakAdminApi(stack).sendUpdatePasswordEmail("escaping.check", 3600);
        Email email = Email.parse(new Mailbox(stack).awaitMessage("escaping.check@example.com", 1, WAIT));
        assertTrue(email.html().contains("Hello &lt;script&gt;alert(1)&lt;/script&gt;,"), email.html());
        assertFalse(email.html().contains("<script>"), "no script in the HTML part");

        admin.signInToCrm("admin", "admin");
        admin.openProfile("escaping", "<script>alert(1)</script> Escaping");
        assertEquals("<script>alert(1)</script> Escaping", admin.text(By.id("profile-name")));
    }

    @Test
    void aMistypedPasswordSendsTheUserNoEmail(RunningStack stack, Browser visitor) {
        visitor.go(stack.crmUrl() + "/");
        visitor.signInOnKeycloak("penelope.baker", "not-her-password");
        visitor.awaitPageText("Invalid username or password");
        // the password-changed notice is the only event mail; a failed login must not mail the user
        new KeycloakAdminApi(stack).sendUpdatePasswordEmail("penelope.baker", 3600);
        Mailbox mailbox = new Mailbox(stack);
        mailbox.awaitMessage("penelope.baker@example.com", 1, WAIT);
        assertEquals(1, mailbox.messagesFor("penelope.baker@example.com").size(), "only the reset email");
    }

    /** The email states the expiry in words and as the time 12 hours after it was rendered, seconds after `sent`. */
    private static void assertStatesExpiry(String body, Instant sent) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
        Instant end = sent.plus(Duration.ofHours(12));
        String early = "This link expires in 12 hours, at " + format.format(end);
        String late = "This link expires in 12 hours, at " + format.format(end.plusSeconds(10));
        assertTrue(body.contains(early) || body.contains(late), "expected \"" + early + "\" in:\n" + body);
    }
}
