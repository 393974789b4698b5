package com.example.crm.report;

import java.time.Instant;

/**
 * Signed reports whose signatures were computed independently of this code (Python's hmac module), so a mistake
 * that signing and verifying share cannot hide. The tests of the contract, the reporter and the CRM's callback all
 * check against these.
 */
public final class SignatureVectors {

    /** HMAC-SHA256(secret, timestamp + "." + body), as the signature header carries it. */
    public record Vector(String secret, long timestamp, String body, String signature) {
    }

    public static final Vector SHORT_BODY = new Vector("shared-secret", 1795780000L, "{\"id\":\"e1\"}",
            "sha256=8103e1c31ef273d88b022cc799a8127667336660609d25bf2b8fbb6045bafdf5");

    public static final Vector SHORT_BODY_OTHER_SECRET = new Vector("report-secret", 1795780000L, "{\"id\":\"r1\"}",
            "sha256=fbe7919dbf4eb95fde13bb6f411e37239195efa94d70d3843caa165336376a38");

    /** {@link #LINK_SENT_REPORT} as the reporter writes it, every optional field of a LINK_SENT report set. */
    public static final Vector LINK_SENT = new Vector("shared-secret", 1795780000L,
            "{\"id\":\"e3\",\"type\":\"LINK_SENT\",\"realm\":\"crm\",\"keycloakUserId\":\"u1\","
                    + "\"occurredAt\":\"2026-11-27T11:46:40Z\",\"linkExpiresAt\":\"2026-11-27T12:46:40Z\",\"replacesEarlierLinks\":true}",
            "sha256=3363f9bf7f23e179c879af54c0ec61c1be943b9593e4c05fd5700be7ff305f8a");

    public static final ResetReport LINK_SENT_REPORT = ResetReport.of("e3", ReportType.LINK_SENT, "crm", "u1",
            Instant.parse("2026-11-27T11:46:40Z"), null).withLink(Instant.parse("2026-11-27T12:46:40Z"), true);

    private SignatureVectors() {
    }
}
