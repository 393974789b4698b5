package com.example.crm.loadtest.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MailAccountingTest {

    private static final String LINK_A = "eyJhbGciOiJIUzUxMiJ9.eyJqdGkiOiJhIn0.c2lnbmF0dXJlQQ";
    private static final String LINK_B = "eyJhbGciOiJIUzUxMiJ9.eyJqdGkiOiJiIn0.c2lnbmF0dXJlQg";

    private final Attempts attempts = new Attempts();
    private final MailAccounting accounting = new MailAccounting(attempts);

    @Test
    void acceptsOneEmailPerSentNotification() {
        sent(3, "liam.smith@example.com", 2);

        assertEquals("", accounting.checkMailbox("liam.smith@example.com", 200, messages(LINK_A, LINK_B)));
        accounting.auditBefore(10);
        assertEquals("", accounting.checkAudit(12));
        assertTrue(accounting.accountedFor());
        assertEquals(0, accounting.surplusEmails());
    }

    @Test
    void flagsAnEmailBeyondTheSentNotifications() {
        sent(3, "liam.smith@example.com", 1);

        String problem = accounting.checkMailbox("liam.smith@example.com", 200, messages(LINK_A, LINK_B));

        assertTrue(problem.contains("2 emails for 1 \"sent\" notifications"), problem);
        assertEquals(1, accounting.surplusEmails());
        assertFalse(accounting.accountedFor());
    }

    @Test
    void flagsTheSameLinkEmailedTwice() {
        sent(3, "liam.smith@example.com", 2);

        String problem = accounting.checkMailbox("liam.smith@example.com", 200, messages(LINK_A, LINK_A));

        assertTrue(problem.contains("repeating a link"), problem);
        assertEquals(1, accounting.repeatedLinks());
    }

    @Test
    void aMailboxThatNeverReceivedAnythingIsEmpty() {
        attempts.addresses(6, "emma.brown@example.com", null);
        attempts.clicked(6);
        attempts.answered(6, ResetOutcome.notSent("INACTIVE"));

        assertEquals("", accounting.checkMailbox("emma.brown@example.com", 400, "User not found"));
    }

    @Test
    void mailGoesToKeycloaksAddressWhereTheProfileSaysItDiffers() {
        attempts.addresses(62, "marta.mismatch@example.com", "old.marta.mismatch@example.com");
        attempts.clicked(62);
        attempts.answered(62, ResetOutcome.sent());

        assertEquals(List.of("old.marta.mismatch@example.com"), accounting.mailboxesToCheck(List.of()));
        assertEquals("", accounting.checkMailbox("old.marta.mismatch@example.com", 200, messages(LINK_A)));
    }

    @Test
    void theAuditLogMustGrowByEveryRecordedAttemptButNotByDuplicateClicks() {
        sent(3, "liam.smith@example.com", 1);
        attempts.clicked(3);
        attempts.answered(3, ResetOutcome.duplicateClick());
        attempts.clicked(3);
        attempts.answered(3, ResetOutcome.rateLimited());
        accounting.auditBefore(0);

        assertEquals("", accounting.checkAudit(2));
        assertTrue(accounting.checkAudit(3).contains("grew by 3 attempts, the notifications told of 2"));
    }

    @Test
    void aClickWithoutAKnownOutcomeIsNotAccountedFor() {
        sent(3, "liam.smith@example.com", 1);
        attempts.clicked(3);
        attempts.answered(3, ResetOutcome.noAnswer("timed out"));
        accounting.checkMailbox("liam.smith@example.com", 200, messages(LINK_A));
        accounting.auditBefore(0);
        accounting.checkAudit(1);

        assertFalse(accounting.accountedFor());
    }

    @Test
    void readsTheLinkAcrossQuotedPrintableSoftBreaks() {
        String mime = "Set a new password:\r\nhttp://localhost:8180/realms/crm/login-actions/action-token?key=3D"
                + LINK_A.substring(0, 20) + "=\r\n" + LINK_A.substring(20) + "\r\n\r\n<a href=3D\"http://localhost:8180"
                + "/realms/crm/login-actions/action-token?key=3D" + LINK_A.substring(0, 30) + "=\r\n" + LINK_A.substring(30)
                + "\">";

        assertEquals(List.of(Set.of(LINK_A)), MailAccounting.linksPerMessage(
                "[{\"mimeMessage\":\"" + mime.replace("\r", "\\r").replace("\n", "\\n").replace("\"", "\\\"") + "\"}]"));
    }

    private void sent(long userId, String email, int times) {
        attempts.addresses(userId, email, null);
        for (int i = 0; i < times; i++) {
            attempts.clicked(userId);
            attempts.answered(userId, ResetOutcome.sent());
        }
    }

    /** GreenMail's answer: one message per link, each with the link in its text part. */
    private static String messages(String... links) {
        StringBuilder json = new StringBuilder("[");
        for (String link : links) {
            json.append(json.length() > 1 ? "," : "").append("{\"subject\":\"Reset your Acme CRM password\",")
                    .append("\"mimeMessage\":\"Set a new password:\\r\\nhttp://localhost:8180/realms/crm/login-actions/")
                    .append("action-token?key=3D").append(link).append("\\r\\n\"}");
        }
        return json.append("]").toString();
    }
}
