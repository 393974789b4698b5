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

    /**
     * Checks the headers a report arrived with against its body, at {@code now}. The timestamp comes first: a missing
     * or stale one is refused before any HMAC is worked out.
     */
    public static Verdict verify(String secret, String timestampHeader, String signatureHeader, String body, Instant now) {
        Verdict time = checkTimestamp(timestampHeader, now);
        if (time != Verdict.VALID) {
            return time;
        }
        if (signatureHeader == null || body == null) {
            return Verdict.MISSING_SIGNATURE;
        }
        byte[] expected = sign(secret, Long.parseLong(timestampHeader.strip()), body).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, signatureHeader.strip().getBytes(StandardCharsets.UTF_8))) {
            return Verdict.BAD_SIGNATURE;
        }
        return Verdict.VALID;
    }

    /**
     * The timestamp header alone, at {@code now}: {@link Verdict#MISSING_SIGNATURE} when it is missing or not a number,
     * {@link Verdict#OUTSIDE_TIME_WINDOW} when it is more than {@link #WINDOW} away, else {@link Verdict#VALID}. Cheap,
     * so the CRM asks it before it reads a body.
     */
    public static Verdict checkTimestamp(String timestampHeader, Instant now) {
        if (timestampHeader == null) {
            return Verdict.MISSING_SIGNATURE;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.strip());
        } catch (NumberFormatException e) {
            return Verdict.MISSING_SIGNATURE;
        }
        long nowSeconds = now.getEpochSecond();
        boolean within = timestamp >= nowSeconds - WINDOW.toSeconds() && timestamp <= nowSeconds + WINDOW.toSeconds();
        return within ? Verdict.VALID : Verdict.OUTSIDE_TIME_WINDOW;
    }
}
