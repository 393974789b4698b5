package com.example.crm.report;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A report's signature, made by the reporter and checked by the CRM: HMAC-SHA256 over "timestamp.body" with the
 * secret they share. The timestamp (epoch seconds) travels in {@value #TIMESTAMP_HEADER}, "sha256=" and the hex HMAC
 * in {@value #SIGNATURE_HEADER}. A report is accepted within {@link #WINDOW} of its timestamp, either way.
 */
public final class ReportSignature {

    public static final String TIMESTAMP_HEADER = "X-Crm-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Crm-Signature";
    public static final Duration WINDOW = Duration.ofMinutes(5);

    public enum Verdict { VALID, MISSING_SIGNATURE, BAD_SIGNATURE, OUTSIDE_TIME_WINDOW }

    private ReportSignature() {
    }

    /** The signature header's value for this body, sent at this time. */
    public static String sign(String secret, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Checks the headers a report arrived with against its body, at {@code now}. */
    public static Verdict verify(String secret, String timestampHeader, String signatureHeader, String body, Instant now) {
        if (timestampHeader == null || signatureHeader == null || body == null) {
            return Verdict.MISSING_SIGNATURE;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.strip());
        } catch (NumberFormatException e) {
            return Verdict.MISSING_SIGNATURE;
        }
        byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, signatureHeader.strip().getBytes(StandardCharsets.UTF_8))) {
            return Verdict.BAD_SIGNATURE;
        }
        if (Duration.between(Instant.ofEpochSecond(timestamp), now).abs().compareTo(WINDOW) > 0) {
            return Verdict.OUTSIDE_TIME_WINDOW;
        }
        return Verdict.VALID;
    }
}
