package com.example.crm.application;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Checks a Keycloak report: HMAC-SHA256 over "timestamp.body" with the shared secret, sent within ±5 minutes. */
public final class ReportVerifier {

    public static final Duration WINDOW = Duration.ofMinutes(5);

    public enum Verdict { VALID, MISSING_SIGNATURE, BAD_SIGNATURE, OUTSIDE_TIME_WINDOW }

    private ReportVerifier() {
    }

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
        byte[] expected = ("sha256=" + hmac(secret, timestamp + "." + body)).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, signatureHeader.strip().getBytes(StandardCharsets.UTF_8))) {
            return Verdict.BAD_SIGNATURE;
        }
        if (Duration.between(Instant.ofEpochSecond(timestamp), now).abs().compareTo(WINDOW) > 0) {
            return Verdict.OUTSIDE_TIME_WINDOW;
        }
        return Verdict.VALID;
    }

    static String hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
