package com.example.crm.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.crm.application.ReportVerifier.Verdict;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReportVerifierTest {

    private static final String BODY = "{\"id\":\"r1\"}";
    // HMAC-SHA256("report-secret", "1795780000." + BODY), computed independently (Python's hmac module)
    private static final String SIGNATURE = "sha256=fbe7919dbf4eb95fde13bb6f411e37239195efa94d70d3843caa165336376a38";
    private static final Instant SENT = Instant.ofEpochSecond(1795780000L);

    @Test
    void acceptsTheRightSignatureWithinFiveMinutes() {
        assertEquals(Verdict.VALID, ReportVerifier.verify("report-secret", "1795780000", SIGNATURE, BODY, SENT.plusSeconds(299)));
        assertEquals(Verdict.VALID, ReportVerifier.verify("report-secret", "1795780000", SIGNATURE, BODY, SENT.minusSeconds(299)));
    }

    @Test
    void rejectsABadOrMissingSignature() {
        assertEquals(Verdict.BAD_SIGNATURE, ReportVerifier.verify("other-secret", "1795780000", SIGNATURE, BODY, SENT));
        assertEquals(Verdict.BAD_SIGNATURE, ReportVerifier.verify("report-secret", "1795780000", SIGNATURE, BODY + " ", SENT));
        assertEquals(Verdict.BAD_SIGNATURE, ReportVerifier.verify("report-secret", "1795780001", SIGNATURE, BODY, SENT));
        assertEquals(Verdict.MISSING_SIGNATURE, ReportVerifier.verify("report-secret", null, SIGNATURE, BODY, SENT));
        assertEquals(Verdict.MISSING_SIGNATURE, ReportVerifier.verify("report-secret", "1795780000", null, BODY, SENT));
        assertEquals(Verdict.MISSING_SIGNATURE, ReportVerifier.verify("report-secret", "yesterday", SIGNATURE, BODY, SENT));
    }

    @Test
    void rejectsAReplayOfAnOldReportOrOneFromTheFuture() {
        assertEquals(Verdict.OUTSIDE_TIME_WINDOW, ReportVerifier.verify("report-secret", "1795780000", SIGNATURE, BODY, SENT.plusSeconds(301)));
        assertEquals(Verdict.OUTSIDE_TIME_WINDOW, ReportVerifier.verify("report-secret", "1795780000", SIGNATURE, BODY, SENT.minusSeconds(301)));
    }

    /** The same signature as Keycloak's reporter makes, for the tests that post reports. */
    public static String sign(String secret, long timestamp, String body) {
        return "sha256=" + ReportVerifier.hmac(secret, timestamp + "." + body);
    }
}
