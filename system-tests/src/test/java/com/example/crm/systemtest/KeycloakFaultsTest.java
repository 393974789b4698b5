package com.example.crm.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.crm.systemtest.support.DemoUsers;
import com.example.crm.systemtest.support.DemoUsers.DemoUser;
import com.example.crm.systemtest.support.Mailbox;
import com.example.crm.systemtest.support.PageText;
import com.example.crm.systemtest.support.RunningStack;
import com.example.crm.systemtest.support.SignedInSession;
import com.example.crm.systemtest.support.SystemTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Keycloak misbehaving between the CRM and its admin API (a real TCP proxy in the way): every click tells the admin
 * what is known, never green for nothing sent, and a send that went out after all is shown as sent.
 */
@SystemTest
class KeycloakFaultsTest {

    private static final String SUCCESS = "Reset Password Instruction has been sent successfully!";

    private RunningStack stack;

    @AfterEach
    void keycloakBehavesAgain() {
        if (stack != null) {
            stack.keycloakProxy.behave();
        }
    }

    @Test
    void aKeycloakTooSlowToAnswerNeverCountsASendItMadeAsNotSent(RunningStack stack) {
        this.stack = stack;
        DemoUser madison = DemoUsers.of(stack).get("madison.evans");
        SignedInSession admin = SignedInSession.signIn(stack, "admin", "admin");
        HttpResponse<String> profile = admin.get(profileOf(madison));

        stack.keycloakProxy.holdAnswersBack("execute-actions-email", Duration.ofSeconds(12)); // past the 8 s read timeout
        HttpResponse<String> click = sendResetLink(admin, profile);

        // Keycloak's own report that it sent the link may beat the CRM's timeout (then the click is green), or not
        // (then the admin reads that it may or may not have gone out); never that nothing was sent.
        assertTrue(click.body().contains(SUCCESS) || click.body().contains("Keycloak did not answer in time"),
                PageText.notifications(click.body()));
        assertFalse(click.body().contains("no reset link was sent"), PageText.notifications(click.body()));
        stack.keycloakProxy.behave();
        new Mailbox(stack).awaitMessage(madison.email(), 1, Duration.ofSeconds(60)); // Keycloak did send it
        awaitLinkStatus(admin, madison, "Sent", Duration.ofSeconds(60)); // confirmed by Keycloak's report
        assertEquals(1, new Mailbox(stack).messagesFor(madison.email()).size());
    }

    @Test
    void aGatewayErrorInFrontOfKeycloakSendsNothingAndSaysSo(RunningStack stack) throws InterruptedException {
        this.stack = stack;
        DemoUser aiden = DemoUsers.of(stack).get("aiden.phillips");
        SignedInSession admin = SignedInSession.signIn(stack, "admin", "admin");
        HttpResponse<String> profile = admin.get(profileOf(aiden));

        stack.keycloakProxy.answerBadGateway();
        HttpResponse<String> click = sendResetLink(admin, profile);

        assertTrue(click.body().contains("Keycloak could not be reached, so no reset link was sent"),
                PageText.notifications(click.body()));
        assertFalse(click.body().contains(SUCCESS));
        stack.keycloakProxy.behave();
        Thread.sleep(3000);
        assertEquals(0, new Mailbox(stack).messagesFor(aiden.email()).size());
        assertTrue(admin.get(profileOf(aiden)).body().contains("Not sent"), "the attempt is recorded as not sent");
    }

    @Test
    void aConnectionCutBeforeKeycloakAnswersIsNeverShownAsSuccess(RunningStack stack) throws InterruptedException {
        this.stack = stack;
        DemoUser victoria = DemoUsers.of(stack).get("victoria.roberts");
        SignedInSession admin = SignedInSession.signIn(stack, "admin", "admin");
        HttpResponse<String> profile = admin.get(profileOf(victoria));

        stack.keycloakProxy.cutConnections();
        HttpResponse<String> click = sendResetLink(admin, profile);

        assertFalse(click.body().contains(SUCCESS), PageText.notifications(click.body()));
        assertTrue(click.body().contains("Keycloak could not be reached") || click.body().contains("did not answer"),
                PageText.notifications(click.body()));
        stack.keycloakProxy.behave();
        Thread.sleep(3000);
        assertEquals(0, new Mailbox(stack).messagesFor(victoria.email()).size());
    }

    private static HttpResponse<String> sendResetLink(SignedInSession admin, HttpResponse<String> profile) {
        return admin.click(profile, "profile-form", "profile-form:send-reset-link", "profile-form:profile");
    }

    private static String profileOf(DemoUser user) {
        return "/settings/users/profile.xhtml?id=" + user.id();
    }

    private static void awaitLinkStatus(SignedInSession admin, DemoUser user, String status, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        String linkStatus = "";
        while (Instant.now().isBefore(deadline)) {
            String page = admin.get(profileOf(user)).body();
            int at = page.indexOf("id=\"link-status\"");
            linkStatus = at < 0 ? "" : page.substring(at, Math.min(page.length(), at + 200));
            if (linkStatus.contains(">" + status + "<")) {
                return;
            }
            sleep(1000);
        }
        throw new AssertionError("the profile's link never showed " + status + ": " + linkStatus);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
