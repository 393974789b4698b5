package com.example.crm.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.crm.application.LinkReports;
import com.example.crm.domain.model.reset.LinkReport;
import com.example.crm.infrastructure.metrics.CrmMetrics;
import com.example.crm.report.ReportSignature;
import com.example.crm.report.ReportType;
import com.example.crm.report.SignatureVectors;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The callback's use of the report contract, without a container: what it accepts and what it hands on. */
class KeycloakReportsResourceTest {

    private static final SignatureVectors.Vector VECTOR = SignatureVectors.LINK_SENT;
    private static final String TIMESTAMP = Long.toString(VECTOR.timestamp());

    private final List<LinkReport> applied = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<String> counted = new ArrayList<>();
    private final KeycloakReportsResource resource = new KeycloakReportsResource();

    KeycloakReportsResourceTest() {
        resource.secret = VECTOR.secret();
        resource.realm = "crm";
        resource.clock = Clock.fixed(Instant.ofEpochSecond(VECTOR.timestamp()).plusSeconds(30), ZoneOffset.UTC);
        resource.linkReports = new LinkReports() {
            @Override
            public Outcome apply(LinkReport report) {
                applied.add(report);
                return Outcome.APPLIED;
            }
        };
        resource.metrics = new CrmMetrics() {
            @Override
            public void reportReceived(ReportType type) {
                counted.add("received " + type);
            }

            @Override
            public void reportTakenIn(Duration lag) {
                counted.add("lag " + lag.toSeconds() + " s");
            }

            @Override
            public void reportRejected(Enum<?> reason) {
                counted.add("rejected " + reason);
            }
        };
        resource.rejections = new RejectedReportsLog();
        resource.rejections.clock = resource.clock;
        resource.rejections.warnings = warnings::add;
    }

    @Test
    void acceptsTheContractsSignatureVectorAndHandsOnWhatItSays() {
        assertEquals(204, post(TIMESTAMP, VECTOR.signature(), VECTOR.body()).getStatus());
        assertEquals(List.of(new LinkReport("e3", ReportType.LINK_SENT, "u1", Instant.parse("2026-11-27T11:46:40Z"),
                Instant.parse("2026-11-27T12:46:40Z"), true)), applied);
        // The vector's event happened at 11:46:40, and the report is read at its signature's time plus 30 s.
        assertEquals(List.of("received LINK_SENT", "lag " + (VECTOR.timestamp() + 30 - Instant.parse("2026-11-27T11:46:40Z")
                .getEpochSecond()) + " s"), counted);
    }

    @Test
    void refusesTheVectorWithAnotherBodyOrTimestamp() {
        assertEquals(401, post(TIMESTAMP, VECTOR.signature(), VECTOR.body() + " ").getStatus());
        assertEquals(401, post(Long.toString(VECTOR.timestamp() + 1), VECTOR.signature(), VECTOR.body()).getStatus());
        assertEquals(List.of(), applied);
        assertEquals(List.of("rejected SIGNATURE", "rejected SIGNATURE"), counted);
    }

    @Test
    void acceptsAReportOfATypeItDoesNotKnowAndAppliesNothing() {
        String body = "{\"id\":\"e9\",\"type\":\"LINK_EXPLODED\",\"realm\":\"crm\",\"keycloakUserId\":\"u1\","
                + "\"occurredAt\":\"2026-11-27T11:46:40Z\"}";
        assertEquals(204, signedPost(body).getStatus());
        assertEquals(List.of(), applied);
    }

    @Test
    void refusesABodyDeclaredLargerThanTheCapWithoutReadingIt() {
        Response response = resource.receive(TIMESTAMP, VECTOR.signature(),
                Integer.toString(KeycloakReportsResource.MAX_BODY_BYTES + 1), unreadable());
        assertEquals(413, response.getStatus());
        assertEquals("report larger than 16384 bytes", response.getEntity());
    }

    @Test
    void refusesABodyThatRunsPastTheCapWhateverItsDeclaredLength() {
        CountingStream endless = new CountingStream();
        assertEquals(413, resource.receive(TIMESTAMP, VECTOR.signature(), null, endless).getStatus());
        assertEquals(KeycloakReportsResource.MAX_BODY_BYTES + 1, endless.read, "bytes read");
        CountingStream understated = new CountingStream();
        assertEquals(413, resource.receive(TIMESTAMP, VECTOR.signature(), "10", understated).getStatus());
        assertEquals(KeycloakReportsResource.MAX_BODY_BYTES + 1, understated.read, "bytes read");
        assertEquals(List.of(), applied);
    }

    @Test
    void acceptsASignedReportOfExactlyTheCap() {
        String report = VECTOR.body().substring(0, VECTOR.body().length() - 1);
        String body = report + ",\"padding\":\"" + "x".repeat(KeycloakReportsResource.MAX_BODY_BYTES - report.length() - 14) + "\"}";
        assertEquals(KeycloakReportsResource.MAX_BODY_BYTES, body.getBytes(StandardCharsets.UTF_8).length);
        assertEquals(204, signedPost(body).getStatus());
        assertEquals(1, applied.size());
    }

    @Test
    void refusesAStaleOrMissingTimestampWithoutReadingTheBody() {
        String stale = Long.toString(VECTOR.timestamp() - 600);
        assertEquals(401, resource.receive(stale, VECTOR.signature(), null, unreadable()).getStatus());
        assertEquals(401, resource.receive(null, VECTOR.signature(), null, unreadable()).getStatus());
        assertEquals(401, resource.receive("soon", VECTOR.signature(), null, unreadable()).getStatus());
    }

    @Test
    void refusesASignedReportForAnotherRealmOrNoRealmAndSaysSo() {
        for (String realm : List.of("\"realm\":\"master\",", "")) {
            String body = "{\"id\":\"e4\",\"type\":\"PASSWORD_CHANGED\"," + realm + "\"keycloakUserId\":\"u1\","
                    + "\"occurredAt\":\"2026-11-27T11:46:40Z\"}";
            Response response = signedPost(body);
            assertEquals(403, response.getStatus(), body);
            assertEquals("report for another realm than crm", response.getEntity());
        }
        assertEquals(List.of(), applied);
        assertEquals(1, warnings.size(), "one warning a minute for this reason: " + warnings);
        assertTrue(warnings.get(0).contains("realm \"master\", this CRM serves realm crm"), warnings.get(0));
    }

    @Test
    void refusesAReportOfAnUnknownTypeForAnotherRealm() {
        String body = "{\"id\":\"e9\",\"type\":\"LINK_EXPLODED\",\"realm\":\"master\",\"keycloakUserId\":\"u1\","
                + "\"occurredAt\":\"2026-11-27T11:46:40Z\"}";
        assertEquals(403, signedPost(body).getStatus());
    }

    @Test
    void refusesABodyThatCannotBeReadOrIsNoReport() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        assertEquals(400, resource.receive(TIMESTAMP, VECTOR.signature(), null, broken).getStatus());
        assertEquals(400, signedPost("{\"id\":\"e5\",\"type\":\"PASSWORD_CHANGED\",\"realm\":\"crm\",\n\"occurredAt\":\"x\"}").getStatus());
        assertEquals(1, warnings.size(), "one warning a minute for this reason: " + warnings);
    }

    @Test
    void warnsOfEachKindOfRefusalAtMostOnceAMinute() {
        for (int i = 0; i < 1000; i++) {
            post(TIMESTAMP, "sha256=00", VECTOR.body());
            resource.receive(Long.toString(VECTOR.timestamp() - 600), VECTOR.signature(), null, unreadable());
            resource.receive(TIMESTAMP, VECTOR.signature(), "99999999", unreadable());
        }
        assertEquals(3, warnings.size(), warnings.toString());
    }

    private Response signedPost(String body) {
        return post(TIMESTAMP, ReportSignature.sign(VECTOR.secret(), VECTOR.timestamp(), body), body);
    }

    private Response post(String timestamp, String signature, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return resource.receive(timestamp, signature, Integer.toString(bytes.length), new ByteArrayInputStream(bytes));
    }

    /** A body the resource must not touch. */
    private static InputStream unreadable() {
        return new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("the body was read");
            }
        };
    }

    /** An endless body of spaces that counts what was read of it. */
    private static final class CountingStream extends InputStream {
        long read;

        @Override
        public int read() {
            read++;
            return ' ';
        }
    }
}
