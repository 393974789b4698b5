package com.example.crm.loadtest.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ResetNotificationsTest {

    /** The CRM's own bundle: the load test must recognise the words the product really uses. */
    private static final ResetNotifications NOTIFICATIONS = ResetNotifications.fromBundle(Path.of(
            "../crm-admin-war/src/main/resources/com/example/crm/interfaces/web/messages.properties"));

    @Test
    void readsTheGreenNotificationAsSent() {
        ResetOutcome outcome = NOTIFICATIONS.read(answer(
                "", "{summary:\"Success\",detail:\"Reset Password Instruction has been sent successfully!\",severity:'info'}"),
                "Liam Smith");

        assertEquals(ResetOutcome.sent(), outcome);
        assertTrue(outcome.expected());
        assertTrue(outcome.recordsAnAttempt());
    }

    @Test
    void readsADuplicateClickAboutThisUser() {
        ResetOutcome outcome = NOTIFICATIONS.read(answer("{summary:\"Already sent\",detail:\"A reset link for Liam Smith"
                + " was requested a moment ago, so no second email was sent.\",severity:'warn'}", ""), "Liam Smith");

        assertEquals(ResetOutcome.duplicateClick(), outcome);
        assertTrue(outcome.expected());
        assertFalse(outcome.recordsAnAttempt());
    }

    @Test
    void readsTheHourlyLimit() {
        ResetOutcome outcome = NOTIFICATIONS.read(answer("{summary:\"Limit reached\",detail:\"Ava Garcia has already been"
                + " sent 5 reset links in the last hour, so no new link was sent. You can send another from"
                + " 30 Nov 2026, 04:51.\",severity:'warn'}", ""), "Ava Garcia");

        assertEquals(ResetOutcome.rateLimited(), outcome);
    }

    @Test
    void readsARefusalOfTheUserAsNotSentWithItsReason() {
        ResetOutcome outcome = NOTIFICATIONS.read(answer("{summary:\"Reset link not sent\",detail:\"Emma Brown is inactive,"
                + " so no reset link was sent. Activate the account first.\",severity:'error'}", ""), "Emma Brown");

        assertEquals(ResetOutcome.notSent("INACTIVE"), outcome);
        assertTrue(outcome.expected());
    }

    @Test
    void readsKeycloaksOwnWordsAfterARefusalAndUndoesJavaScriptEscapes() {
        ResetOutcome outcome = NOTIFICATIONS.read(answer("{summary:\"Reset link not sent\",detail:\"Kim Locked\\u0027s"
                + " Keycloak account is disabled, so no reset link was sent. An identity administrator must enable it"
                + " first. Keycloak said: \\u201cUser is disabled\\u201d.\",severity:'error'}", ""), "Kim Locked");

        assertEquals(ResetOutcome.notSent("KEYCLOAK_USER_DISABLED"), outcome);
    }

    @Test
    void countsAFailureOfTheSystemAsNotSentButNotExpected() {
        ResetOutcome outcome = NOTIFICATIONS.read(answer("{summary:\"Reset link not sent\",detail:\"Keycloak did not"
                + " answer in time. The email to Liam Smith may or may not have been sent: this attempt turns to Sent"
                + " when Keycloak confirms it went out; otherwise ask the user to check their mailbox before you send"
                + " another.\",severity:'error'}", ""), "Liam Smith");

        assertEquals(ResetOutcome.notSent("KEYCLOAK_TIMEOUT"), outcome);
        assertFalse(outcome.expected());
    }

    @Test
    void aNotificationAboutAnotherUserIsNoOutcomeOfThisClick() {
        ResetOutcome outcome = NOTIFICATIONS.read(answer("{summary:\"Already sent\",detail:\"A reset link for Ava Garcia"
                + " was requested a moment ago, so no second email was sent.\",severity:'warn'}", ""), "Liam Smith");

        assertEquals(ResetOutcome.Kind.UNRECOGNISED, outcome.kind());
        assertFalse(outcome.expected());
    }

    @Test
    void anAnswerWithoutNotificationIsNoOutcome() {
        assertEquals(ResetOutcome.unrecognised("no notification"), NOTIFICATIONS.read(answer("", ""), "Liam Smith"));
    }

    @Test
    void twoNotificationsAtOnceAreNoOutcome() {
        ResetOutcome outcome = NOTIFICATIONS.read(answer(
                "{summary:\"Limit reached\",detail:\"x\",severity:'warn'}",
                "{summary:\"Success\",detail:\"Reset Password Instruction has been sent successfully!\",severity:'info'}"),
                "Liam Smith");

        assertEquals(ResetOutcome.unrecognised("2 notifications at once"), outcome);
    }

    @Test
    void aRedirectToAnErrorPageIsNoOutcome() {
        ResetOutcome outcome = NOTIFICATIONS.read("<?xml version='1.0' encoding='UTF-8'?>\n<partial-response><redirect"
                + " url=\"/crm/expired.xhtml?from=x\"></redirect></partial-response>", "Liam Smith");

        assertEquals(ResetOutcome.unrecognised("redirected to /crm/expired.xhtml"), outcome);
    }

    @Test
    void aFullPageInsteadOfTheAjaxAnswerIsNoOutcome() {
        ResetOutcome outcome = NOTIFICATIONS.read("<!DOCTYPE html><html><body>Sign in</body></html>", "Liam Smith");

        assertEquals(ResetOutcome.Kind.UNRECOGNISED, outcome.kind());
    }

    @Test
    void noResponseIsNoAnswer() {
        ResetOutcome outcome = NOTIFICATIONS.read(null, "Liam Smith");

        assertEquals(ResetOutcome.Kind.NO_ANSWER, outcome.kind());
        assertFalse(outcome.recordsAnAttempt());
    }

    /** A partial response as the CRM renders it: the profile, then both growls with their messages. */
    private static String answer(String problemMessages, String successMessages) {
        return "<?xml version='1.0' encoding='UTF-8'?>\n<partial-response><changes>"
                + "<update id=\"profile-form:profile\"><![CDATA[<div id=\"profile-form:profile\"></div>]]></update>"
                + "<update id=\"success-growl\"><![CDATA[<span id=\"success-growl\"></span><script id=\"success-growl_s\">"
                + "PrimeFaces.cw(\"Growl\",\"widget_success_growl\",{id:\"success-growl\",sticky:false,life:8000,"
                + "escape:true,keepAlive:true,msgs:[" + successMessages + "]});</script>]]></update>"
                + "<update id=\"problem-growl\"><![CDATA[<span id=\"problem-growl\"></span><script id=\"problem-growl_s\">"
                + "PrimeFaces.cw(\"Growl\",\"widget_problem_growl\",{id:\"problem-growl\",sticky:false,life:20000,"
                + "escape:true,keepAlive:true,msgs:[" + problemMessages + "]});</script>]]></update>"
                + "<update id=\"j_id1:jakarta.faces.ViewState:0\"><![CDATA[1:2]]></update></changes></partial-response>";
    }
}
