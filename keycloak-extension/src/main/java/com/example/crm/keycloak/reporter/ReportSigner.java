package com.example.crm.keycloak.reporter;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 over "timestamp.body" with the secret shared with the CRM. */
final class ReportSigner {

    static final String SIGNATURE_HEADER = "X-Crm-Signature";
    static final String TIMESTAMP_HEADER = "X-Crm-Timestamp";

    private ReportSigner() {
    }

    /** "sha256=" and the hex HMAC, as the signature header carries it. */
    static String sign(String secret, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
