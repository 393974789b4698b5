package com.example.crm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.example.crm.report.ReportSignature.Verdict;
import com.example.crm.report.SignatureVectors.Vector;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportSignatureTest {

    private static final Vector VECTOR = SignatureVectors.SHORT_BODY_OTHER_SECRET;
    private static final String SECRET = VECTOR.secret();
    private static final String TIMESTAMP = Long.toString(VECTOR.timestamp());
    private static final String SIGNATURE = VECTOR.signature();
    private static final String BODY = VECTOR.body();
    private static final Instant SENT = Instant.ofEpochSecond(VECTOR.timestamp());

    @Test
    void signsTimestampDotBodyWithHmacSha256() {
        for (Vector vector : List.of(SignatureVectors.SHORT_BODY, SignatureVectors.SHORT_BODY_OTHER_SECRET, SignatureVectors.LINK_SENT)) {
            assertEquals(vector.signature(), ReportSignature.sign(vector.secret(), vector.timestamp(), vector.body()), vector.body());
        }
    }

    @Test
    void anotherTimestampOrSecretGivesAnotherSignature() {
        String signature = ReportSignature.sign("shared-secret", 1795780000L, "{}");
        assertNotEquals(signature, ReportSignature.sign("shared-secret", 1795780001L, "{}"));
        assertNotEquals(signature, ReportSignature.sign("other-secret", 1795780000L, "{}"));
    }

    @Test
    void acceptsTheRightSignatureWithinFiveMinutes() {
        assertEquals(Verdict.VALID, ReportSignature.verify(SECRET, TIMESTAMP, SIGNATURE, BODY, SENT.plusSeconds(299)));
        assertEquals(Verdict.VALID, ReportSignature.verify(SECRET, TIMESTAMP, SIGNATURE, BODY, SENT.minusSeconds(299)));
    }

    @Test
    void rejectsABadOrMissingSignature() {
        assertEquals(Verdict.BAD_SIGNATURE, ReportSignature.verify("other-secret", TIMESTAMP, SIGNATURE, BODY, SENT));
        assertEquals(Verdict.BAD_SIGNATURE, ReportSignature.verify(SECRET, TIMESTAMP, SIGNATURE, BODY + " ", SENT));
        assertEquals(Verdict.BAD_SIGNATURE, ReportSignature.verify(SECRET, "1795780001", SIGNATURE, BODY, SENT));
        assertEquals(Verdict.MISSING_SIGNATURE, ReportSignature.verify(SECRET, null, SIGNATURE, BODY, SENT));
        assertEquals(Verdict.MISSING_SIGNATURE, ReportSignature.verify(SECRET, TIMESTAMP, null, BODY, SENT));
        assertEquals(Verdict.MISSING_SIGNATURE, ReportSignature.verify(SECRET, "yesterday", SIGNATURE, BODY, SENT));
    }

    @Test
    void rejectsAReplayOfAnOldReportOrOneFromTheFuture() {
        assertEquals(Verdict.OUTSIDE_TIME_WINDOW, ReportSignature.verify(SECRET, TIMESTAMP, SIGNATURE, BODY, SENT.plusSeconds(301)));
        assertEquals(Verdict.OUTSIDE_TIME_WINDOW, ReportSignature.verify(SECRET, TIMESTAMP, SIGNATURE, BODY, SENT.minusSeconds(301)));
    }

    @Test
    void looksAtTheTimestampBeforeItComputesTheSignature() {
        // A stale report with a wrong signature is refused for its time: no HMAC was worked out for it.
        assertEquals(Verdict.OUTSIDE_TIME_WINDOW, ReportSignature.verify(SECRET, TIMESTAMP, "sha256=00", BODY, SENT.plusSeconds(301)));
        assertEquals(Verdict.OUTSIDE_TIME_WINDOW, ReportSignature.verify("other-secret", TIMESTAMP, SIGNATURE, BODY, SENT.minusSeconds(301)));
    }

    @Test
    void refusesATimestampFarOutsideTheWindowWithoutFailing() {
        for (String far : List.of(Long.toString(Long.MAX_VALUE), Long.toString(Long.MIN_VALUE), "-1", "0")) {
            assertEquals(Verdict.OUTSIDE_TIME_WINDOW, ReportSignature.verify(SECRET, far, SIGNATURE, BODY, SENT), far);
        }
    }

    @Test
    void checksTheTimestampAloneBeforeTheBodyIsRead() {
        assertEquals(Verdict.VALID, ReportSignature.checkTimestamp(TIMESTAMP, SENT.plusSeconds(299)));
        assertEquals(Verdict.OUTSIDE_TIME_WINDOW, ReportSignature.checkTimestamp(TIMESTAMP, SENT.plusSeconds(301)));
        assertEquals(Verdict.OUTSIDE_TIME_WINDOW, ReportSignature.checkTimestamp(TIMESTAMP, SENT.minusSeconds(301)));
        assertEquals(Verdict.MISSING_SIGNATURE, ReportSignature.checkTimestamp(null, SENT));
        assertEquals(Verdict.MISSING_SIGNATURE, ReportSignature.checkTimestamp(" ", SENT));
        assertEquals(Verdict.MISSING_SIGNATURE, ReportSignature.checkTimestamp("yesterday", SENT));
    }

    @Test
    void verifiesWhatItSigns() {
        String body = ReportJson.write(SignatureVectors.LINK_SENT_REPORT);
        long now = Instant.now().getEpochSecond();
        assertEquals(Verdict.VALID, ReportSignature.verify("s", Long.toString(now), ReportSignature.sign("s", now, body), body,
                Instant.ofEpochSecond(now)));
    }
}
