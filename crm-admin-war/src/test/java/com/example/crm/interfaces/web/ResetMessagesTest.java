package com.example.crm.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.crm.application.LockOutAttempt;
import com.example.crm.application.ResetAttempt;
import com.example.crm.domain.model.reset.LockOut;
import com.example.crm.domain.model.reset.ResetFailure;
import com.example.crm.domain.model.user.EmailAdvice;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ResetMessagesTest {

    private final ResetMessages words = new ResetMessages(Locale.ENGLISH);

    @Test
    void successUsesTheExactWordsTheHelpArticleQuotes() {
        assertEquals("Success", words.successTitle());
        assertEquals("Reset Password Instruction has been sent successfully!", words.successText());
    }

    @Test
    void everyFailureHasItsOwnMessageNamingTheUser() {
        for (ResetFailure failure : ResetFailure.values()) {
            String text = words.failureText(failure, "Ann Example", null);
            assertFalse(text.contains("{0}"), failure + ": " + text);
            if (failure != ResetFailure.KEYCLOAK_ACCESS_DENIED && failure != ResetFailure.KEYCLOAK_CREDENTIALS_REJECTED) {
                assertTrue(text.contains("Ann Example"), failure + ": " + text);
            }
        }
    }

    @Test
    void everyEmailWarningHasWordsWithAndWithoutASuggestion() {
        for (EmailAdvice.Kind kind : EmailAdvice.Kind.values()) {
            assertFalse(words.emailWarning(new EmailAdvice.Warning(kind, null)).isBlank(), kind.name());
            if (kind != EmailAdvice.Kind.NOT_AN_ADDRESS && kind != EmailAdvice.Kind.TOO_LONG) { // never with a corrected address
                assertTrue(words.emailWarning(new EmailAdvice.Warning(kind, "ann@gmail.com")).contains("ann@gmail.com"), kind.name());
            }
        }
    }

    @Test
    void quotesKeycloaksOwnWordsWhenItGaveAny() {
        String text = words.failureText(new ResetAttempt.Failed("Kim Locked", ResetFailure.KEYCLOAK_USER_DISABLED, "User is disabled"));
        assertEquals("Kim Locked's Keycloak account is disabled, so no reset link was sent. An identity administrator"
                + " must enable it first. Keycloak said: \u201cUser is disabled\u201d.", text);
    }

    @Test
    void aLockOutThatStoppedShortSaysWhatStillWorksWhyAndWhatToDo() {
        ResetAttempt sent = new ResetAttempt.Sent("Ann Example", null);
        assertEquals("The reset link was sent to Ann Example, but the old password could not be removed: it still works,"
                + " and Ann Example was not signed out. Keycloak could not be reached. Click Lock out and send reset link"
                + " again (a new link replaces this one).", words.lockOutPartialText("Ann Example",
                new LockOutAttempt(sent, LockOut.PASSWORD_STILL_WORKS, ResetFailure.KEYCLOAK_UNREACHABLE, null)));
        assertEquals("The reset link was sent to Ann Example and the old password no longer works, but Ann Example could"
                + " not be signed out: devices already signed in stay signed in. Keycloak reported an error. Keycloak said:"
                + " \u201cunknown_error\u201d. Click Lock out and send reset link again (a new link replaces this one).",
                words.lockOutPartialText("Ann Example",
                        new LockOutAttempt(sent, LockOut.SESSIONS_STILL_OPEN, ResetFailure.KEYCLOAK_ERROR, "unknown_error")));
    }

    @Test
    void everyLockOutTextReadsWithSingleApostrophes() {
        ResetAttempt sent = new ResetAttempt.Sent("Ann O'Neil", null);
        for (LockOut where : new LockOut[] {LockOut.PASSWORD_STILL_WORKS, LockOut.SESSIONS_STILL_OPEN}) {
            for (ResetFailure failure : ResetFailure.values()) {
                String text = words.lockOutPartialText("Ann O'Neil", new LockOutAttempt(sent, where, failure, null));
                assertFalse(text.contains("''") || text.contains("{"), where + " " + failure + ": " + text);
            }
        }
        assertFalse(words.lockOutDatabaseDownText().contains("''"));
        assertFalse(words.lockOutUnchanged("Ann").contains("''"));
    }
}
