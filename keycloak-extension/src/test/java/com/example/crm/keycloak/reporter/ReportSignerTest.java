package com.example.crm.keycloak.reporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class ReportSignerTest {

    @Test
    void signsTimestampDotBodyWithHmacSha256() {
        // expected value computed independently (Python's hmac module)
        assertEquals("sha256=8103e1c31ef273d88b022cc799a8127667336660609d25bf2b8fbb6045bafdf5",
                ReportSigner.sign("shared-secret", 1795780000L, "{\"id\":\"e1\"}"));
    }

    @Test
    void anotherTimestampOrSecretGivesAnotherSignature() {
        String signature = ReportSigner.sign("shared-secret", 1795780000L, "{}");
        assertNotEquals(signature, ReportSigner.sign("shared-secret", 1795780001L, "{}"));
        assertNotEquals(signature, ReportSigner.sign("other-secret", 1795780000L, "{}"));
    }
}
