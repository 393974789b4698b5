package com.example.crm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReportJsonTest {

    private static final Instant AT = Instant.parse("2026-11-27T12:00:00Z");

    @Test
    void jsonCarriesEveryFieldAndEscapesText() {
        ResetReport report = ResetReport.of("e1", ReportType.LINK_INVALID, "crm", "u1", AT, "bad \"code\"\n");
        assertEquals("{\"id\":\"e1\",\"type\":\"LINK_INVALID\",\"realm\":\"crm\",\"keycloakUserId\":\"u1\","
                + "\"occurredAt\":\"2026-11-27T12:00:00Z\",\"error\":\"bad \\\"code\\\"\\n\"}", ReportJson.write(report));
        assertEquals(SignatureVectors.LINK_SENT.body(), ReportJson.write(SignatureVectors.LINK_SENT_REPORT));
    }

    @Test
    void readsWhatItWrites() throws Exception {
        assertEquals(SignatureVectors.LINK_SENT_REPORT, ReportJson.read(SignatureVectors.LINK_SENT.body()));
        ResetReport invalid = ResetReport.of("e1", ReportType.LINK_INVALID, "crm", "u1", AT, "bad \"code\"\n");
        assertEquals(invalid, ReportJson.read(ReportJson.write(invalid)));
    }

    @Test
    void marksALinkTheUserAskedFor() throws Exception {
        ResetReport own = ResetReport.of("e2", ReportType.LINK_SENT, "crm", "u1", AT, null).withLink(AT.plusSeconds(1800), true)
                .askedForByUser();
        String json = ReportJson.write(own);
        assertEquals("{\"id\":\"e2\",\"type\":\"LINK_SENT\",\"realm\":\"crm\",\"keycloakUserId\":\"u1\","
                + "\"occurredAt\":\"2026-11-27T12:00:00Z\",\"linkExpiresAt\":\"2026-11-27T12:30:00Z\","
                + "\"replacesEarlierLinks\":true,\"requestedByUser\":true}", json);
        assertEquals(own, ReportJson.read(json));
        assertFalse(ReportJson.read(SignatureVectors.LINK_SENT.body()).requestedByUser(), "an administrator's link");
    }

    @Test
    void ignoresUnknownFieldsAndOptionalFieldsOfTheWrongKind() throws Exception {
        ResetReport report = ReportJson.read("{\"id\":\"e1\",\"type\":\"PASSWORD_CHANGED\",\"keycloakUserId\":\"u1\","
                + "\"occurredAt\":\"2026-11-27T12:00:00Z\",\"linkExpiresAt\":7,\"replacesEarlierLinks\":\"yes\",\"newField\":1}");
        assertEquals(ReportType.PASSWORD_CHANGED, report.type());
        assertNull(report.realm());
        assertNull(report.linkExpiresAt());
        assertFalse(report.replacesEarlierLinks());
    }

    @Test
    void aReportOfAnUnknownTypeIsToldApartFromAnUnreadableOne() {
        assertEquals("LINK_EXPLODED", assertThrows(UnknownReportTypeException.class,
                () -> ReportJson.read("{\"type\":\"LINK_EXPLODED\"}")).type());
        assertThrows(UnknownReportTypeException.class, () -> ReportJson.read("{\"id\":\"e1\"}"));
    }

    @Test
    void aReportOfAnUnknownTypeStillSaysItsRealm() {
        assertEquals("crm", assertThrows(UnknownReportTypeException.class,
                () -> ReportJson.read("{\"type\":\"LINK_EXPLODED\",\"realm\":\"crm\"}")).realm());
        assertNull(assertThrows(UnknownReportTypeException.class, () -> ReportJson.read("{\"id\":\"e1\"}")).realm());
    }

    @Test
    void refusesWhatIsNotAReport() {
        for (String body : new String[] {"not json", "", "null", "[]", "{\"id\":\"e1\"} trailing",
                "{\"type\":\"PASSWORD_CHANGED\",\"keycloakUserId\":\"u1\",\"occurredAt\":\"2026-11-27T12:00:00Z\"}",
                "{\"id\":\"e1\",\"type\":\"PASSWORD_CHANGED\",\"occurredAt\":\"2026-11-27T12:00:00Z\"}",
                "{\"id\":\"e1\",\"type\":\"PASSWORD_CHANGED\",\"keycloakUserId\":\"u1\",\"occurredAt\":\"yesterday\"}",
                "{\"id\":\"e1\",\"type\":\"LINK_SENT\",\"keycloakUserId\":\"u1\",\"occurredAt\":\"2026-11-27T12:00:00Z\",\"linkExpiresAt\":\"soon\"}"}) {
            assertThrows(UnreadableReportException.class, () -> ReportJson.read(body), body);
        }
    }
}
